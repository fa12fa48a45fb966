// A fixture for Stages.CheckFindsViolations.
#pragma once
