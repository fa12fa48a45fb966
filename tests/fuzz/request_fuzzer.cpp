// Fuzz target: newsfacet-serve's request handling (serve::Service::handle: the request
// target's decoding, routes, every parameter of the API, searches, facet lists, articles,
// exports) over an index of corpus/, built once per process in a scratch directory.
// Input: the method on the first line, the request target after it (any bytes).
//
// Any answer is fine as long as it is one: handle() never throws, never answers 500 (an
// exception the service did not expect), always sends the security headers, and every
// answer but a page file or an export is a JSON object ({"status", "error"} for an error).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <newsfacet/index.hpp>
#include <newsfacet/reader.hpp>
#include <newsfacet/serve/service.hpp>

#include "fuzz_support.hpp"

namespace {

struct Fixture {
    newsfacet::fuzz::ScratchDir dir{"request"};
    newsfacet::serve::Service service = build();

    newsfacet::serve::Service build() {
        const auto db = dir.path / "index";
        {
            auto index = newsfacet::Index::create_or_open(db);
            newsfacet::ReadHandler handler;
            handler.on_article = [&](newsfacet::Article&& a) { (void)index.add(a); };
            newsfacet::read_articles(NEWSFACET_CORPUS_DIR, handler);
            index.commit();
        }
        newsfacet::serve::ServiceOptions options;
        options.db = db;
        options.assets = {{"index.html", "<!doctype html>"}, {"app.js", "'use strict';"}};
        options.limits.max_export_rows = 30;  // a few pages' worth: time for other inputs
        return newsfacet::serve::Service(std::move(options));
    }
};

void check(const newsfacet::serve::Response& r) {
    NEWSFACET_FUZZ_CHECK(r.status != 500);
    NEWSFACET_FUZZ_CHECK(r.status >= 200 && r.status < 600);
    NEWSFACET_FUZZ_CHECK(r.header("X-Content-Type-Options") == "nosniff");
    NEWSFACET_FUZZ_CHECK(!r.header("Content-Security-Policy").empty());
    if (r.stream) {
        std::string out;
        for (int calls = 0; r.stream(out); ++calls) NEWSFACET_FUZZ_CHECK(calls < 100);
        return;
    }
    if (r.content_type != "application/json") return;
    const auto body = nlohmann::json::parse(r.body, nullptr, false);
    NEWSFACET_FUZZ_CHECK(body.is_object());
    if (r.status >= 400) NEWSFACET_FUZZ_CHECK(body.value("status", 0) == r.status);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Fixture fixture;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto eol = input.find('\n');
    newsfacet::serve::Request request;
    request.method = std::string(input.substr(0, eol));
    request.target = eol == std::string_view::npos ? "" : std::string(input.substr(eol + 1));
    check(fixture.service.handle(request));
    return 0;
}
