#include "export_stream.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>

#include <newsfacet/json.hpp>

namespace newsfacet::serve::detail {

namespace {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Article text as a cell a spreadsheet shows, never runs: a cell starting with = + - @ or a
// tab or carriage return is a formula to Excel and LibreOffice ("=HYPERLINK(...)" in a
// title), so it gets a leading apostrophe, as OWASP advises.
std::string text_field(const std::string& text) {
    const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    return csv_field(formula ? "'" + text : text);
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : "; ") + v;
    return out;
}

// What the stream keeps between calls.
struct ExportState {
    SearchRequest request;
    std::size_t rows_left = 0;
    ExportFormat format = ExportFormat::csv;
    std::size_t page_rows = 0;
    // One searcher, on one commit of the index, for every page: an index updated while the
    // export runs neither repeats nor skips rows (each page on the newest commit would).
    std::optional<SearcherPool::Lease> searcher;
    std::shared_ptr<ExportSlot> slot;
    SearchResults page;
    bool header_sent = false;
    bool last_page = false;

    void fetch() {
        request.limit = std::min(page_rows, rows_left);
        page = (*searcher)->search(request);
        last_page = page.hits.size() < request.limit || page.hits.size() >= rows_left;
        rows_left -= std::min(rows_left, page.hits.size());
        request.offset += page.hits.size();
    }

    void write_page(std::string& out) const {
        for (const auto& hit : page.hits) {
            out += format == ExportFormat::csv ? export_csv_row(hit) : to_json(hit) + "\n";
        }
    }

    bool next(std::string& out) {
        if (format == ExportFormat::csv && !header_sent) out += export_csv_header();
        header_sent = true;
        write_page(out);
        if (last_page || rows_left == 0) return false;
        fetch();
        return true;
    }
};

}  // namespace

ExportSlot::ExportSlot(std::atomic<std::size_t>& in_use, std::size_t most) : m_in_use(in_use) {
    auto now = m_in_use.load();
    while (now < most) {
        if (m_in_use.compare_exchange_weak(now, now + 1)) {
            m_taken = true;
            return;
        }
    }
}

ExportSlot::~ExportSlot() {
    if (m_taken) --m_in_use;
}

std::string export_csv_header() {
    return "rank,id,title,date,source,url,score,copies,country,official,location,organization\r\n";
}

std::string export_csv_row(const SearchHit& hit) {
    const std::vector<std::string> fields{text_field(hit.id),
                                          text_field(hit.title),
                                          csv_field(hit.date),
                                          text_field(hit.source),
                                          text_field(hit.url),
                                          std::to_string(hit.score),
                                          std::to_string(hit.copies),
                                          text_field(joined(hit.facets.country)),
                                          text_field(joined(hit.facets.official)),
                                          text_field(joined(hit.facets.location)),
                                          text_field(joined(hit.facets.organization))};
    std::string row = std::to_string(hit.rank);
    for (const auto& f : fields) row += "," + f;
    return row + "\r\n";
}

std::function<bool(std::string&)> export_stream(SearchRequest request, const ExportPlan& plan, SearcherPool& searchers,
                                                std::shared_ptr<ExportSlot> slot) {
    auto state = std::make_shared<ExportState>();
    state->request = std::move(request);
    state->request.count_facets = false;  // rows only: no counting pass beyond the total
    state->rows_left = plan.rows;
    state->format = plan.format;
    state->page_rows = std::max<std::size_t>(1, plan.page_rows);
    state->searcher.emplace(searchers.borrow());
    state->slot = std::move(slot);
    const auto rows = plan.rows;
    if (rows > 0) {
        state->fetch();
    } else {
        state->last_page = true;
    }
    return [state](std::string& out) { return state->next(out); };
}

}  // namespace newsfacet::serve::detail
