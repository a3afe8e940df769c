# Sources of engine/metrics (statistics over replications), added to mdasim_engine.
