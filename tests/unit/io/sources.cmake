# Tests of engine/io, added to mdasim_tests.
