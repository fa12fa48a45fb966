#pragma once
// /api/v1/export: a whole result list as CSV or JSON lines, written page by page.

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

#include <newsfacet/searcher.hpp>

#include "searcher_pool.hpp"

namespace newsfacet::serve::detail {

enum class ExportFormat { csv, jsonl };

/// One export in flight, counted against a limit for as long as it lives.
class ExportSlot {
public:
    /// Takes a slot of `in_use` if fewer than `most` are taken; else taken() is false.
    ExportSlot(std::atomic<std::size_t>& in_use, std::size_t most);
    ~ExportSlot();
    ExportSlot(const ExportSlot&) = delete;
    ExportSlot& operator=(const ExportSlot&) = delete;
    [[nodiscard]] bool taken() const noexcept { return m_taken; }

private:
    std::atomic<std::size_t>& m_in_use;
    bool m_taken = false;
};

/// The writer of an export's answer (Response::stream): the results of `request` from its
/// offset on, `rows` of them at most, a page of results per call (the CSV header first).
/// Runs the first page at once, so a bad request throws here, before any answer is sent.
[[nodiscard]] std::function<bool(std::string&)> export_stream(SearchRequest request, std::size_t rows,
                                                              ExportFormat format, SearcherPool& searchers,
                                                              std::shared_ptr<ExportSlot> slot);

/// One CSV row of a result (the columns of export_csv_header), fields quoted as RFC 4180 asks.
[[nodiscard]] std::string export_csv_row(const SearchHit& hit);

/// The CSV header line.
[[nodiscard]] std::string export_csv_header();

}  // namespace newsfacet::serve::detail
