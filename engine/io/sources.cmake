# Sources of engine/io (results files), added to mdasim_engine.
