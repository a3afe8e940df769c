# Tests of engine/metrics, added to mdasim_tests.
