#pragma once
// A small corpus of wire copies and near misses for the near-duplicate collapse tests (corpus/
// has no copies). Each test writes it into its own temporary directory.

#include <cstddef>
#include <string>

namespace newsfacet::testing {

/// File name to write wire_copies_jsonl() to.
inline constexpr const char* wire_copies_file = "wire-copies.jsonl";

/// Articles, one JSON object per line:
/// - odesa-*: one story in four copies: the original, a new headline and dateline, a word
///   changed, another source with a two-word edit and an agency-only dateline. Min-hashing
///   keeps the key of a story this long through a one-word edit with probability about 0.9
///   (tests/unit/near_duplicate_test.cpp measures it); these edits are ones that keep it
///   ("resumed" -> "restarted" is one of the others, which would not);
/// - odesa-analysis: the same event in other words (not a copy);
/// - hamburg-*: a daily report on one template with different figures (not copies);
/// - consulate-*: a short brief in three copies (new headline, a dateline) and a near miss
///   naming another city;
/// - headline-only-*: two articles with the same headline and no body (no key: not copies).
inline std::string wire_copies_jsonl() {
    const std::string odesa_body =
        "Grain shipments from the port of Odesa resumed on Tuesday, two days after a drone strike set "
        "fire to a storage terminal and halted loading at three berths, the regional administration "
        "said.\n\nPort officials said the first vessel, a bulk carrier bound for Egypt, left the harbour "
        "in the early afternoon with wheat, and that four more ships were waiting to load. Firefighters "
        "worked through the night to put out the blaze, which destroyed part of a conveyor line and "
        "damaged two warehouses. Nobody was killed.\n\nThe administration said repairs to the conveyor "
        "would take several weeks but that the remaining berths could handle the backlog. Traders said "
        "insurance premiums for ships calling at the port had risen since the attack, adding to the "
        "cost of exports.";
    auto replaced = [](std::string text, const std::string& from, const std::string& to) {
        return text.replace(text.find(from), from.size(), to);
    };
    const std::string consulate_body =
        "The Italian consulate in Odesa will reopen to the public on Monday, the foreign ministry in Rome said.";
    auto line = [](const std::string& id, const std::string& title, const std::string& date, const std::string& source,
                   const std::string& body) {
        std::string escaped;
        for (char c : body) {
            if (c == '\n') escaped += "\\n";
            else escaped += c;
        }
        return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"date\": \"" + date + "\", \"source\": \"" +
               source + "\", \"body\": \"" + escaped + "\"}\n";
    };
    std::string out;
    out += line("odesa-original", "Grain exports from Odesa resume after drone strike", "2024-06-11T08:00:00Z",
                "Meridian Wire", "ODESA, June 11 (Meridian Wire) - " + odesa_body);
    out += line("odesa-new-headline", "Odesa port loads first grain ship since attack", "2024-06-11T09:30:00Z",
                "Meridian Wire", "KYIV, June 11 - " + odesa_body);
    out += line("odesa-one-word", "Odesa grain loading resumes after fire", "2024-06-11T10:15:00Z",
                "Meridian Wire", "ODESA, June 11 (Meridian Wire) - " + replaced(odesa_body, "blaze", "fire"));
    out += line("odesa-other-source", "Ukraine: grain ships leave Odesa again", "2024-06-12", "Baltic Courier",
                "(Baltic Courier) - " + replaced(odesa_body, "Nobody was", "No one was"));
    out += line("odesa-analysis", "Odesa grain trade counts the cost of the drone strike", "2024-06-13",
                "Atlas Daily",
                "Ukraine's grain exports through Odesa are back on track after the weekend drone attack on a "
                "storage terminal, the agriculture ministry said, although the damage will limit loading for "
                "weeks. Ministry officials said wheat and maize shipments would be given priority at the "
                "berths still working, and that exporters had been asked to move some cargo to smaller ports "
                "on the Danube. Shipping agents said several owners were reluctant to send vessels while "
                "insurers reviewed their rates, and that the backlog of ships waiting outside the harbour "
                "had grown to more than a dozen.");
    out += line("hamburg-monday", "Hamburg port daily: container traffic up", "2024-06-10", "Harbour Times",
                "HAMBURG, June 10 (Harbour Times) - The port of Hamburg handled 1,234 containers on Monday, up 4 "
                "percent from a week earlier, the port authority said in its daily report. Waiting times for "
                "vessels at the outer anchorage averaged 14 hours, and 9 ships were at berth at the end of the "
                "day. Rail departures from the container terminals numbered 61, with a further 38 trains "
                "scheduled overnight. The authority said it expected traffic to stay at this level for the "
                "rest of the week, barring disruption from weather in the North Sea or labour action by dock "
                "workers.");
    out += line("hamburg-tuesday", "Hamburg port daily: container traffic up", "2024-06-11", "Harbour Times",
                "HAMBURG, June 11 (Harbour Times) - The port of Hamburg handled 1,410 containers on Tuesday, up 7 "
                "percent from a week earlier, the port authority said in its daily report. Waiting times for "
                "vessels at the outer anchorage averaged 11 hours, and 8 ships were at berth at the end of the "
                "day. Rail departures from the container terminals numbered 57, with a further 42 trains "
                "scheduled overnight. The authority said it expected traffic to stay at this level for the "
                "rest of the week, barring disruption from weather in the North Sea or labour action by dock "
                "workers.");
    out += line("consulate-rome", "Italy to reopen Odesa consulate", "2024-06-12", "Meridian Wire", consulate_body);
    out += line("consulate-headline", "Italian mission in Odesa reopens Monday", "2024-06-12T12:00:00Z",
                "Meridian Wire", consulate_body);
    out += line("consulate-dateline", "Italy's Odesa consulate to reopen", "2024-06-13", "Baltic Courier",
                "ROME, June 12 - " + consulate_body);
    out += line("consulate-lviv", "Italy to reopen Lviv consulate", "2024-06-12", "Meridian Wire",
                replaced(consulate_body, "Odesa", "Lviv"));
    out += line("headline-only-1", "Odesa grain terminal: latest", "2024-06-14", "Meridian Wire", "");
    out += line("headline-only-2", "Odesa grain terminal: latest", "2024-06-14", "Baltic Courier", "");
    return out;
}

/// Number of articles in wire_copies_jsonl().
inline constexpr std::size_t wire_copies_articles = 13;

}  // namespace newsfacet::testing
