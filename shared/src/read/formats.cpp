#include "read/formats.hpp"

#include <array>
#include <utility>

#include <nlohmann/json.hpp>

#include "read/feed_sniff.hpp"
#include "text/article_fields.hpp"
#include "text/text.hpp"

namespace newsfacet {
namespace {

// Names users type for each format (the first is the one messages give).
constexpr std::array<std::pair<std::string_view, InputFormat>, 15> format_names = {{
    {"txt", InputFormat::text},
    {"md", InputFormat::markdown},
    {"json", InputFormat::json},
    {"jsonl", InputFormat::jsonl},
    {"html", InputFormat::html},
    {"htm", InputFormat::html},
    {"warc", InputFormat::warc},
    {"rss", InputFormat::feed},
    {"feed", InputFormat::feed},
    {"atom", InputFormat::feed},
    {"rdf", InputFormat::feed},
    {"text", InputFormat::text},
    {"markdown", InputFormat::markdown},
    {"ndjson", InputFormat::jsonl},
    {"auto", InputFormat::automatic},
}};

std::string_view skip_space(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    const auto first = s.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view() : s.substr(first);
}

}  // namespace

InputFormat parse_input_format(std::string_view name) {
    const auto lower = text::ascii_lower(name);
    for (const auto& [n, format] : format_names) {
        if (n == lower) return format;
    }
    throw UsageError("unknown format '" + std::string(name) + "' (expected " + detail::accepted_formats() + ")");
}

FieldMapping parse_field_mapping(std::string_view text) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || eq + 1 == text.size()) {
        throw UsageError("field mapping '" + std::string(text) + "' must be FIELD=KEY, e.g. body=text_field");
    }
    FieldMapping mapping{text::ascii_lower(text.substr(0, eq)), std::string(text.substr(eq + 1))};
    std::string fields;
    for (const auto& f : detail::article_fields) {
        if (f.key == mapping.field) return mapping;
        fields += (fields.empty() ? "" : ", ") + std::string(f.key);
    }
    throw UsageError("field mapping '" + std::string(text) + "': no article field '" + mapping.field + "' (fields: " +
                     fields + ")");
}

namespace detail {

InputFormat format_by_extension(const std::filesystem::path& file) {
    auto ext = text::ascii_lower(file.extension().string());
    if (ext == ".txt") return InputFormat::text;
    if (ext == ".md" || ext == ".markdown") return InputFormat::markdown;
    if (ext == ".json") return InputFormat::json;
    if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::jsonl;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::html;
    if (ext == ".warc") return InputFormat::warc;
    if (ext == ".rss" || ext == ".atom" || ext == ".rdf" || ext == ".xml") return InputFormat::feed;
    return InputFormat::automatic;
}

std::string read_prefix(std::istream& in, std::size_t n) {
    std::string prefix(n, '\0');
    in.read(prefix.data(), static_cast<std::streamsize>(n));
    prefix.resize(static_cast<std::size_t>(in.gcount()));
    // A short read sets failbit at the end: the rest of the reading starts from a clean state.
    if (!in.bad()) in.clear(in.rdstate() & std::ios::eofbit);
    return prefix;
}

bool looks_like_json(std::string_view prefix) {
    if (prefix.find('\0') != std::string_view::npos) return false;
    const auto start = skip_space(prefix);
    return !start.empty() && (start[0] == '{' || start[0] == '[');
}

bool looks_like_html(std::string_view prefix) {
    auto head = text::ascii_lower(prefix.substr(0, 1024));
    std::string_view rest = skip_space(head);
    // Comments before the document ("<!-- saved from url=... -->").
    while (rest.rfind("<!--", 0) == 0) {
        const auto end = rest.find("-->");
        if (end == std::string_view::npos) return false;
        rest = skip_space(rest.substr(end + 3));
    }
    if (rest.rfind("<?xml", 0) == 0) return rest.find("<html") != std::string_view::npos;
    for (std::string_view start : {"<!doctype html", "<html", "<head", "<body"}) {
        if (rest.rfind(start, 0) == 0) return true;
    }
    return false;
}

bool looks_like_warc(std::string_view prefix) { return prefix.rfind("WARC/1.", 0) == 0; }

bool is_xml_extension(const std::filesystem::path& file) { return text::ascii_lower(file.extension().string()) == ".xml"; }

InputFormat sniff_format(std::string_view prefix) {
    if (looks_like_warc(prefix)) return InputFormat::warc;
    // Before HTML: a feed's escaped or CDATA markup may hold "<html" in its first bytes.
    if (looks_like_feed(prefix)) return InputFormat::feed;
    if (looks_like_html(prefix)) return InputFormat::html;
    if (!looks_like_json(prefix)) return InputFormat::automatic;
    const auto start = skip_space(prefix);
    if (start[0] == '[') return InputFormat::json;
    const auto eol = start.find('\n');
    if (eol == std::string_view::npos) return InputFormat::json;
    const auto first_line = start.substr(0, eol);
    const bool whole_object = nlohmann::json::accept(first_line);
    const bool more = !skip_space(start.substr(eol + 1)).empty();
    return whole_object && more ? InputFormat::jsonl : InputFormat::json;
}

std::string accepted_formats() { return "txt, md, json, jsonl, html, warc or rss"; }

}  // namespace detail
}  // namespace newsfacet
