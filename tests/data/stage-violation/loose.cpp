// A fixture for Stages.CheckFindsViolations: a source outside every stage folder.
