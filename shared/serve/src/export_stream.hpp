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

/// What an export writes: how many rows at most, in which format, how many per page.
struct ExportPlan {
    std::size_t rows = 0;
    ExportFormat format = ExportFormat::csv;
    std::size_t page_rows = 200;  // results searched and written per call
};

/// The writer of an export's answer (Response::stream): the results of `request` from its
/// offset on, `plan.rows` of them at most, a page of results per call (the CSV header first).
/// Every page is read from the commit of the index current when the export began (it holds
/// one searcher of `searchers` until it is destroyed; if the index is committed to twice
/// meanwhile, Xapian makes the searcher move on and later pages come from the newest
/// commit). Runs the first page at once, so a bad request throws here, before any answer is
/// sent; HttpError 503 when the index cannot be opened.
[[nodiscard]] std::function<bool(std::string&)> export_stream(SearchRequest request, const ExportPlan& plan,
                                                              SearcherPool& searchers,
                                                              std::shared_ptr<ExportSlot> slot);

/// One CSV row of a result (the columns of export_csv_header), fields quoted as RFC 4180 asks.
[[nodiscard]] std::string export_csv_row(const SearchHit& hit);

/// The CSV header line.
[[nodiscard]] std::string export_csv_header();

}  // namespace newsfacet::serve::detail
