#include "read/content_coding.hpp"

#include <array>
#include <cstdint>
#include <memory>

#include <brotli/decode.h>
#include <zlib.h>

namespace newsfacet::detail::http {
namespace {

constexpr std::size_t chunk = 64 * 1024;

std::string too_large(std::size_t max_bytes) { return "decodes to more than " + std::to_string(max_bytes >> 20) + " MiB"; }

// A zlib header: compression method 8, a window of at most 32 KiB, the check bits right.
bool zlib_header(std::string_view b) {
    if (b.size() < 2) return false;
    const auto cmf = static_cast<unsigned char>(b[0]);
    const auto flg = static_cast<unsigned char>(b[1]);
    return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && (cmf * 256 + flg) % 31 == 0;
}

struct InflateEnd {
    void operator()(z_stream* z) const { inflateEnd(z); }
};

struct BrotliFree {
    void operator()(BrotliDecoderState* s) const { BrotliDecoderDestroyInstance(s); }
};

}  // namespace

Body inflate_deflate(std::string_view bytes, std::size_t max_bytes) {
    Body out;
    z_stream z{};
    // Positive window bits: a zlib wrapper; negative: raw deflate.
    if (inflateInit2(&z, zlib_header(bytes) ? 15 : -15) != Z_OK) {
        out.error = "cannot decode: out of memory";
        return out;
    }
    std::unique_ptr<z_stream, InflateEnd> guard(&z);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    std::array<char, chunk> buffer{};
    for (;;) {
        z.next_out = reinterpret_cast<Bytef*>(buffer.data());
        z.avail_out = static_cast<uInt>(buffer.size());
        const int rc = inflate(&z, Z_NO_FLUSH);
        const std::size_t n = buffer.size() - z.avail_out;
        if (out.bytes.size() + n > max_bytes) {
            out.error = too_large(max_bytes);
            out.bytes.clear();
            return out;
        }
        out.bytes.append(buffer.data(), n);
        if (rc == Z_STREAM_END) return out;
        if (rc != Z_OK || (n == 0 && z.avail_in == 0)) {
            out.error = std::string("cannot decode: ") + (z.msg ? z.msg : "deflate data cut short");
            out.bytes.clear();
            return out;
        }
    }
}

Body decode_brotli(std::string_view bytes, std::size_t max_bytes) {
    Body out;
    std::unique_ptr<BrotliDecoderState, BrotliFree> state(BrotliDecoderCreateInstance(nullptr, nullptr, nullptr));
    if (!state) {
        out.error = "cannot decode: out of memory";
        return out;
    }
    auto next_in = reinterpret_cast<const std::uint8_t*>(bytes.data());
    std::size_t avail_in = bytes.size();
    std::array<std::uint8_t, chunk> buffer{};
    for (;;) {
        std::uint8_t* next_out = buffer.data();
        std::size_t avail_out = buffer.size();
        const auto rc = BrotliDecoderDecompressStream(state.get(), &avail_in, &next_in, &avail_out, &next_out, nullptr);
        const std::size_t n = buffer.size() - avail_out;
        if (out.bytes.size() + n > max_bytes) {
            out.error = too_large(max_bytes);
            out.bytes.clear();
            return out;
        }
        out.bytes.append(reinterpret_cast<const char*>(buffer.data()), n);
        if (rc == BROTLI_DECODER_RESULT_SUCCESS) return out;
        if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
        out.error = rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT
                        ? std::string("cannot decode: brotli data cut short")
                        : std::string("cannot decode: ") + BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state.get()));
        out.bytes.clear();
        return out;
    }
}

}  // namespace newsfacet::detail::http
