from tests.rules.pressure_set import main

raise SystemExit(main())
