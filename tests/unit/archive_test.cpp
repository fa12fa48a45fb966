// The pieces of read/archive: packing by first bytes, names inside, member paths as ids.
#include "read/archive.hpp"

#include <gtest/gtest.h>

using namespace newsfacet::detail;

TEST(ArchivePacking, FirstBytesTellCompressionAndArchives) {
    using namespace std::string_view_literals;
    EXPECT_EQ(packing_by_magic("\x1F\x8B\x08\x00"sv), Packing::compressed);
    EXPECT_EQ(packing_by_magic("BZh91AY"sv), Packing::compressed);
    EXPECT_EQ(packing_by_magic("\xFD" "7zXZ\0\0"sv), Packing::compressed);
    EXPECT_EQ(packing_by_magic("\x28\xB5\x2F\xFD\x20"sv), Packing::compressed);
    EXPECT_EQ(packing_by_magic("PK\x03\x04\x14\x00"sv), Packing::archive);
    std::string tar(512, '\0');
    tar.replace(257, 8, "ustar\0" "00", 8);
    EXPECT_EQ(packing_by_magic(tar), Packing::archive);
    // Not packed: text, JSON, HTML, a short or empty input, a lone gzip byte, a tar mark misplaced.
    for (std::string_view s : {""sv, "{\"a\": 1}"sv, "<html>"sv, "\x1F"sv, "BZ"sv, "PK"sv, "ustar"sv}) {
        EXPECT_EQ(packing_by_magic(s), Packing::none) << s;
    }
    EXPECT_EQ(packing_by_magic(std::string(300, ' ') + "ustar"), Packing::none);
}

TEST(ArchivePacking, InnerNamesDropTheCompressionExtension) {
    EXPECT_EQ(inner_name("a.jsonl.gz"), "a.jsonl");
    EXPECT_EQ(inner_name("page.html.XZ"), "page.html");
    EXPECT_EQ(inner_name("d.json.bz2"), "d.json");
    EXPECT_EQ(inner_name("d.jsonl.zst"), "d.jsonl");
    EXPECT_EQ(inner_name("pages.tgz"), "pages.tar");
    EXPECT_EQ(inner_name("pages.tar.gz"), "pages.tar");
    EXPECT_EQ(inner_name("plain.json"), "plain.json");
    EXPECT_EQ(inner_name(".gz"), ".gz");
    EXPECT_TRUE(packed_extension("x.TAR"));
    EXPECT_TRUE(packed_extension("x.zip"));
    EXPECT_TRUE(packed_extension("x.tar.zst"));
    EXPECT_FALSE(packed_extension("x.json"));
    EXPECT_FALSE(packed_extension("gz"));
}

TEST(ArchivePacking, MemberPathsAreIdsNeverPaths) {
    EXPECT_EQ(member_id_path("news/a.json"), "news/a.json");
    EXPECT_EQ(member_id_path("/abs/a.json"), "abs/a.json");
    EXPECT_EQ(member_id_path("./x/./y//z.json"), "x/y/z.json");
    EXPECT_EQ(member_id_path("../evil.json"), "../evil.json");
    EXPECT_EQ(member_id_path("dir\\win.json"), "dir/win.json");
    EXPECT_EQ(member_id_path("/"), "");
    EXPECT_EQ(member_id_path("caf\xE9.json"), "caf\xC3\xA9.json");
    EXPECT_TRUE(hidden_member(".git/config"));
    EXPECT_TRUE(hidden_member("__MACOSX/._a.html"));
    EXPECT_TRUE(hidden_member("a/.hidden.json"));
    EXPECT_FALSE(hidden_member("../evil.json"));
    EXPECT_FALSE(hidden_member("a/b.json"));
}

TEST(ArchivePacking, CapsReadAsPeopleWriteThem) {
    EXPECT_EQ(byte_size_text(std::uint64_t{16} << 30), "16 GiB");
    EXPECT_EQ(byte_size_text(64u << 20), "64 MiB");
    EXPECT_EQ(byte_size_text(1024), "1 KiB");
    EXPECT_EQ(byte_size_text(1000), "1000 bytes");
}
