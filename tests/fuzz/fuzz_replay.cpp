// Replays inputs through a fuzz target without libFuzzer, for CTest: every file under each
// directory (or each file) named on the command line, in sorted order; hidden files are
// skipped and a missing directory holds no inputs. Linked with one *_fuzzer.cpp.
// Exit status 0 if every input ran; 1 if one threw (a crash or sanitizer finding stops the
// process on its own); 2 if an input cannot be read or no input was found at all.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_under(const fs::path& path) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        out.push_back(path);
        return out;
    }
    if (!fs::is_directory(path, ec)) return out;
    for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
        const auto name = entry.path().filename().string();
        if (entry.is_regular_file() && !name.empty() && name[0] != '.') out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        for (const auto& file : inputs_under(argv[i])) {
            std::ifstream in(file, std::ios::binary);
            if (!in) {
                std::cerr << file.string() << ": cannot read\n";
                return 2;
            }
            const std::string bytes{std::istreambuf_iterator<char>(in),
                                    std::istreambuf_iterator<char>()};
            std::cout << "running " << file.string() << " (" << bytes.size() << " bytes)"
                      << std::endl;
            try {
                (void)LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                             bytes.size());
            } catch (const std::exception& e) {
                std::cerr << file.string() << ": unexpected exception: " << e.what() << "\n";
                return 1;
            } catch (...) {
                std::cerr << file.string() << ": unexpected exception of unknown type\n";
                return 1;
            }
            ++count;
        }
    }
    std::cout << count << " inputs ran without a finding" << std::endl;
    return count == 0 ? 2 : 0;
}
