// Byte input for the readers: a file or standard input, decompressed on the
// fly when it is gzip or zstd (recognised by its magic bytes), read in
// chunks so that large inputs are never held whole in memory.
#ifndef DYAD_TEXT_INPUT_H_
#define DYAD_TEXT_INPUT_H_

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dyad::text {

// A failure while reading or decompressing (a corrupt or truncated stream,
// an I/O error).
class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A stream of bytes. Not thread-safe.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes into `buffer`; returns how many, 0 at the end.
  // Throws ReadError.
  virtual size_t Read(char* buffer, size_t size) = 0;
};

enum class Compression { kNone, kGzip, kZstd };

// Opens `path` ("-" for standard input) and wraps it in a decompressor when
// its first bytes are a gzip or zstd magic number. Throws std::runtime_error
// ("cannot open PATH: reason") when the file cannot be opened.
std::unique_ptr<ByteSource> OpenByteSource(const std::string& path,
                                           Compression* compression = nullptr);

// Buffered reading on top of a ByteSource: lines, record scanning, peeking.
// A read error ends the input; error() then says why.
class BufferedInput {
 public:
  explicit BufferedInput(std::unique_ptr<ByteSource> source);

  // Makes at least `size` bytes available (fewer at the end of the input)
  // and returns the unread bytes. Throws ReadError (used at open time, when
  // a broken stream should stop everything).
  std::string_view Peek(size_t size);

  // Reads the next line without its "\n" or "\r\n". Returns false at the end
  // of the input or after a read error (a partial last line is dropped on
  // error, returned at a clean end).
  bool ReadLine(std::string& line);

  // Appends the rest of the input to `out`, stopping once more than `limit`
  // bytes were appended (0: no limit). Returns false on a read error.
  bool ReadAll(std::string& out, size_t limit);

  // The unread bytes; `Consume` drops bytes from their front and `Fill`
  // appends the next chunk (false at the end or on error). Used by record
  // scanners.
  std::string_view Buffered() const {
    return std::string_view(buffer_).substr(position_);
  }
  void Consume(size_t size) { position_ += size; }
  bool Fill();

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  void Compact();

  std::unique_ptr<ByteSource> source_;
  std::string buffer_;
  size_t position_ = 0;
  bool at_end_ = false;
  std::string error_;
};

}  // namespace dyad::text

#endif  // DYAD_TEXT_INPUT_H_
