#pragma once
// Categories of corpus/ articles from the corpus answer key, shared by the ranking tests.

#include <string>
#include <vector>

namespace newsfacet::testing {

/// Category diplomatic_strike: strikes on embassies, consulates and other diplomatic sites
/// (the seed article is the first).
inline const std::vector<std::string> diplomatic_strikes = {
    "azerbaijan-embassy-kyiv.txt",
    "nf-2024-0312-odesa-consulate",
    "nf-2024-0519-khartoum-embassies-shelled",
    "nf-2024-1003-beirut-kuwaiti-embassy",
    "nf-2025-0114-sanaa-italian-embassy",
    "nf-2025-0206-tripoli-rockets-embassy",
    "nf-2025-0322-damascus-jordanian-embassy",
    "nf-2025-0414-baghdad-us-embassy-rockets",
    "nf-2025-0603-erbil-turkish-consulate",
    "nf-2025-0829-mandalay-consulate",
    "nf-2024-0826-kiev-barrage",
    "features/kharkiv-consulates.md",
};

/// Category labour_strike.
inline const std::vector<std::string> labour_strikes = {
    "nf-2024-0226-hamburg-dock-strike",
    "nf-2024-1008-manchester-rail-walkout",
    "nf-2025-0303-buenos-aires-teachers-strike",
    "nf-2025-0616-nairobi-nurses-strike",
    "nf-2025-1002-spain-pilots-strike",
    "nf-2024-1203-rotterdam-lashers",
    "wire.jsonl#6",
};

/// Category diplomacy_no_attack: embassies and consulates without any strike.
inline const std::vector<std::string> embassies_without_strikes = {
    "nf-2024-0425-gdansk-portuguese-consulate",    "nf-2025-0624-damascus-austrian-embassy",
    "nf-2025-0130-british-ambassador-credentials", "nf-2025-0710-lagos-german-visa-centre",
    "nf-2025-0930-mumbai-consulate-move",          "features/manila-visa-queue.md",
};

}  // namespace newsfacet::testing
