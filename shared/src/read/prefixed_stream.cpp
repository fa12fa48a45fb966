#include "read/prefixed_stream.hpp"

namespace newsfacet::detail {

PrefixedStreambuf::PrefixedStreambuf(std::string prefix, std::istream& rest)
    : m_prefix(std::move(prefix)), m_rest(rest.rdbuf()) {
    setg(m_prefix.data(), m_prefix.data(), m_prefix.data() + m_prefix.size());
}

PrefixedStreambuf::int_type PrefixedStreambuf::underflow() {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (!m_prefix_done) {
        m_prefix_done = true;
        m_prefix = std::string();  // its memory back: the prefix may be a MiB
    }
    if (m_rest == nullptr) return traits_type::eof();
    const auto n = m_rest->sgetn(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    if (n <= 0) return traits_type::eof();
    setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + n);
    return traits_type::to_int_type(*gptr());
}

}  // namespace newsfacet::detail
