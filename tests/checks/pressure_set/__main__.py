from tests.checks.pressure_set import main

raise SystemExit(main())
