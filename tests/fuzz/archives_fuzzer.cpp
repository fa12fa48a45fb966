// Fuzz target: compressed files and archives. The first byte picks the file's name (a
// compressed JSON Lines file, a tar, a zip, a compressed page, no extension, a compressed
// text) and whether it is named directly or found in a directory walk; the rest is the file,
// read with read_articles under small caps, so that bombs end quickly.
//
// Findings besides crashes, leaks and hangs: an exception out of read_articles, an error
// without a message, an article field that is not valid UTF-8, a date not normalised.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <newsfacet/error.hpp>
#include <newsfacet/reader.hpp>

#include "article_checks.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const newsfacet::fuzz::ScratchDir dir("archives");
    static const std::array<std::string, 6> names = {"dump.jsonl.gz", "pages.tar", "pages.zip",
                                                     "page.html.xz",  "part-00000", "story.txt.bz2"};
    const auto& name = names[(data[0] & 0x7F) % names.size()];
    const bool walk = (data[0] & 0x80) != 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

    // One directory per name, so a walk finds this input only.
    const auto folder = dir.path / name.substr(0, name.find('.'));
    std::filesystem::create_directories(folder);
    const auto file = folder / name;
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    newsfacet::ReadOptions options;
    options.max_article_bytes = 1 << 20;
    options.max_input_bytes = 16 << 20;
    newsfacet::ReadHandler handler;
    handler.on_article = [](newsfacet::Article&& a) { newsfacet::fuzz::check_article(a); };
    handler.on_error = [](const newsfacet::InputError& e) { NEWSFACET_FUZZ_CHECK(e.what()[0] != '\0'); };
    handler.on_warning = [](const std::string& w) { NEWSFACET_FUZZ_CHECK(!w.empty()); };
    newsfacet::read_articles(walk ? folder : file, handler, options);
    return 0;
}
