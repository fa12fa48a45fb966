// Plain text and Markdown articles: a title line (or the first sentence), then the body.
#include <newsfacet/reader.hpp>

#include <algorithm>

#include "text/sentences.hpp"
#include "text/text.hpp"

namespace newsfacet {
namespace {

std::string trim(std::string_view s) { return std::string(text::trim_space(s)); }

}  // namespace

Article parse_text_article(std::string_view raw, std::string id, bool markdown) {
    std::string textbuf(raw);
    textbuf.erase(std::remove(textbuf.begin(), textbuf.end(), '\r'), textbuf.end());
    std::string_view text = textbuf;
    auto first = text.find_first_not_of(" \t\n");
    text = first == std::string_view::npos ? std::string_view() : text.substr(first);
    Article a;
    a.id = std::move(id);
    auto eol = text.find('\n');
    std::string_view first_line = text.substr(0, eol);
    bool blank_follows = false;
    if (eol != std::string_view::npos) {
        auto next_eol = text.find('\n', eol + 1);
        auto next_line = text.substr(eol + 1, next_eol == std::string_view::npos ? std::string_view::npos
                                                                                  : next_eol - eol - 1);
        blank_follows = trim(next_line).empty();
    }
    auto strip_heading = [&](std::string_view line) {
        if (markdown) {
            auto hashes = line.find_first_not_of('#');
            if (hashes != std::string_view::npos && hashes > 0 && hashes <= 6 && line[hashes] == ' ') {
                line.remove_prefix(hashes + 1);
            }
        }
        return trim(line);
    };
    if (blank_follows) {
        a.title = strip_heading(first_line);
        a.body = trim(text.substr(eol + 1));
        return a;
    }
    a.body = trim(text);
    // The first sentence, within the first line, at most ~250 bytes.
    std::string_view line = first_line;
    const std::size_t end = std::min(line.size(), text::sentence_end(line));
    std::string title = strip_heading(line.substr(0, end));
    if (title.size() > 250) {
        auto cut = title.rfind(' ', 250);
        if (cut == std::string::npos) {
            // No space (CJK text, a long URL): cut at 250 bytes, but not inside a character.
            cut = 250;
            while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
        }
        title = title.substr(0, cut) + "\xE2\x80\xA6";
    }
    a.title = title;
    return a;
}

}  // namespace newsfacet
