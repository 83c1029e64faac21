#include "dyad/reader.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <unistd.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace dyad {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() /
                 (std::string("dyad_reader_test_") + info->name() + "_" +
                  std::to_string(::getpid()));
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = (directory_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::string WriteGzip(const std::string& name, const std::string& content) {
    const std::string path = (directory_ / name).string();
    gzFile file = gzopen(path.c_str(), "wb");
    gzwrite(file, content.data(), static_cast<unsigned>(content.size()));
    gzclose(file);
    return path;
  }

  std::string WriteZstd(const std::string& name, const std::string& content) {
    std::string compressed(ZSTD_compressBound(content.size()), '\0');
    const size_t size = ZSTD_compress(compressed.data(), compressed.size(),
                                      content.data(), content.size(), 3);
    compressed.resize(size);
    return Write(name, compressed);
  }

  static std::vector<ReadItem> ReadAll(const std::string& path,
                                       const ReaderOptions& options = {}) {
    std::vector<ReadItem> items;
    auto reader = DocumentReader::Open(path, options);
    while (auto item = reader->Next()) items.push_back(std::move(*item));
    return items;
  }

  fs::path directory_;
};

bool HasDiagnostic(const ReadItem& item, const std::string& kind) {
  for (const Diagnostic& diagnostic : item.diagnostics) {
    if (diagnostic.kind == kind) return true;
  }
  return false;
}

const std::string kThreeDocs =
    "{\"id\":\"a\",\"date\":\"2020-10-05\",\"text\":\"Baku shelled Ganja.\"}\n"
    "{\"id\":\"b\",\"date\":\"2020-10-06\",\"text\":\"Yerevan denied it.\"}\n"
    "{\"id\":\"c\",\"date\":\"2020-10-07\",\"text\":\"Moscow urged calm.\"}\n";

TEST(ReaderFormatTest, ParsesNames) {
  EXPECT_EQ(ParseInputFormat("auto"), InputFormat::kAuto);
  EXPECT_EQ(ParseInputFormat("text"), InputFormat::kText);
  EXPECT_EQ(ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(ParseInputFormat("xml"), InputFormat::kPetrarchXml);
  EXPECT_EQ(ParseInputFormat("html"), InputFormat::kHtml);
  EXPECT_FALSE(ParseInputFormat("pdf").has_value());
}

TEST_F(ReaderTest, MissingFileThrows) {
  try {
    DocumentReader::Open((directory_ / "nope.jsonl").string(), {});
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot open"), std::string::npos);
  }
}

TEST_F(ReaderTest, JsonlBrokenLineInTheMiddle) {
  const std::string path = Write(
      "news.jsonl",
      "{\"id\":\"a\",\"date\":\"2020-10-05\",\"text\":\"Baku shelled Ganja.\"}\n"
      "\n"
      "{\"id\":\"b\",\"date\":\"2020-10-06\",\"text\":\"Yerevan den\n"
      "{\"id\":\"c\",\"date\":\"2020-10-07\",\"text\":\"Moscow urged calm.\","
      "\"title\":\"Calm\",\"url\":\"http://x.test/c\",\"source\":\"Wire\"}\n");
  const std::vector<ReadItem> items = ReadAll(path);
  ASSERT_EQ(items.size(), 3u);
  ASSERT_TRUE(items[0].document);
  EXPECT_EQ(items[0].document->id, "a");
  EXPECT_EQ(items[0].document->date, "2020-10-05");
  EXPECT_EQ(items[0].document->text, "Baku shelled Ganja.");
  EXPECT_FALSE(items[1].document);
  ASSERT_EQ(items[1].diagnostics.size(), 1u);
  EXPECT_EQ(items[1].diagnostics[0].kind, "broken-json");
  EXPECT_EQ(items[1].diagnostics[0].where, path + ":3");
  EXPECT_TRUE(items[1].diagnostics[0].skipped);
  ASSERT_TRUE(items[2].document);
  EXPECT_EQ(items[2].document->id, "c");
  EXPECT_EQ(items[2].document->title, "Calm");
  EXPECT_EQ(items[2].document->url, "http://x.test/c");
  EXPECT_EQ(items[2].document->source, "Wire");
  EXPECT_TRUE(items[2].diagnostics.empty());
}

TEST_F(ReaderTest, JsonlDatesAndIds) {
  const std::string path = Write(
      "dates.jsonl",
      "{\"text\":\"No id and no date here.\"}\n"
      "{\"id\":7,\"date\":\"2020-10-06T12:00:00Z\",\"text\":\"Numeric id.\"}\n"
      "{\"id\":\"x\",\"date\":\"20201006\",\"text\":\"Compact date.\"}\n"
      "{\"id\":\"y\",\"date\":\"last Tuesday\",\"text\":\"Bad date.\"}\n");
  ReaderOptions options;
  options.default_date = "2021-01-01";
  std::vector<ReadItem> items = ReadAll(path, options);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].document->id, path + ":1");
  EXPECT_EQ(items[0].document->date, "2021-01-01");
  ASSERT_TRUE(HasDiagnostic(items[0], "missing-date"));
  EXPECT_FALSE(items[0].diagnostics[0].skipped);
  EXPECT_EQ(items[1].document->id, "7");
  EXPECT_EQ(items[1].document->date, "2020-10-06");
  EXPECT_TRUE(items[1].diagnostics.empty());
  EXPECT_EQ(items[2].document->date, "2020-10-06");
  EXPECT_EQ(items[3].document->date, "2021-01-01");
  EXPECT_TRUE(HasDiagnostic(items[3], "missing-date"));

  items = ReadAll(path, {});
  ASSERT_TRUE(items[0].document);
  EXPECT_EQ(items[0].document->date, "");
  EXPECT_TRUE(HasDiagnostic(items[0], "missing-date"));
}

TEST_F(ReaderTest, InvalidUtf8IsRepaired) {
  const std::string path = Write(
      "bad.jsonl",
      "{\"id\":\"u\",\"date\":\"2020-10-05\",\"text\":\"Bad \xFF byte in "
      "Xank\xC9\x99ndi.\"}\n");
  const std::vector<ReadItem> items = ReadAll(path);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].document);
  EXPECT_EQ(items[0].document->text, "Bad ? byte in Xank\xC9\x99ndi.");
  ASSERT_TRUE(HasDiagnostic(items[0], "invalid-utf8"));
  EXPECT_FALSE(items[0].diagnostics[0].skipped);

  const std::string text_path = Write("bad.txt", "Broken \xC0\xAF text.\n");
  const std::vector<ReadItem> text_items = ReadAll(text_path);
  ASSERT_TRUE(text_items[0].document);
  EXPECT_EQ(text_items[0].document->text, "Broken ?? text.\n");
  EXPECT_TRUE(HasDiagnostic(text_items[0], "invalid-utf8"));
}

TEST_F(ReaderTest, EmptyDocumentIsSkipped) {
  const std::string path = Write(
      "empty.jsonl",
      "{\"id\":\"e\",\"date\":\"2020-10-05\",\"text\":\"  \\n \"}\n"
      "{\"id\":\"f\",\"date\":\"2020-10-05\",\"text\":\"Talks resumed.\"}\n");
  const std::vector<ReadItem> items = ReadAll(path);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items[0].document);
  ASSERT_TRUE(HasDiagnostic(items[0], "empty-document"));
  EXPECT_TRUE(items[0].diagnostics[0].skipped);
  ASSERT_TRUE(items[1].document);
  EXPECT_EQ(items[1].document->id, "f");
}

TEST_F(ReaderTest, TooLargeDocumentIsCutAtASentenceEnd) {
  const std::string path = Write(
      "big.jsonl",
      "{\"id\":\"g\",\"date\":\"2020-10-05\",\"text\":\"The first sentence is "
      "here. The second one is longer than the limit allows.\"}\n");
  ReaderOptions options;
  options.max_document_bytes = 40;
  const std::vector<ReadItem> items = ReadAll(path, options);
  ASSERT_TRUE(items[0].document);
  EXPECT_EQ(items[0].document->text, "The first sentence is here.");
  ASSERT_TRUE(HasDiagnostic(items[0], "too-large"));
  EXPECT_FALSE(items[0].diagnostics[0].skipped);

  // No sentence end before the limit: cut at a character boundary.
  const std::string word_path = Write(
      "word.txt", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
  options.max_document_bytes = 5;
  const std::vector<ReadItem> word_items = ReadAll(word_path, options);
  ASSERT_TRUE(word_items[0].document);
  EXPECT_EQ(word_items[0].document->text, "\xD0\x9C\xD0\xBE");
}

TEST_F(ReaderTest, GzipAndZstdInputs) {
  for (const std::string& path :
       {WriteGzip("docs.jsonl.gz", kThreeDocs),
        WriteZstd("docs.jsonl.zst", kThreeDocs),
        // No telling extension: compression and format from the content.
        WriteGzip("blob", kThreeDocs), WriteZstd("blob2.dat", kThreeDocs)}) {
    const std::vector<ReadItem> items = ReadAll(path);
    ASSERT_EQ(items.size(), 3u) << path;
    ASSERT_TRUE(items[2].document) << path;
    EXPECT_EQ(items[2].document->text, "Moscow urged calm.") << path;
  }
  // Concatenated gzip members are read in turn.
  std::string twice;
  {
    const std::string first = WriteGzip("one.gz", kThreeDocs);
    std::ifstream in(first, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    twice = bytes + bytes;
  }
  EXPECT_EQ(ReadAll(Write("twice.jsonl.gz", twice)).size(), 6u);
}

TEST_F(ReaderTest, CorruptCompressedStreams) {
  // Broken from the start: Open throws.
  EXPECT_THROW(ReadAll(Write("bad.jsonl.gz", "\x1F\x8B\x08\x00garbage-garbage")),
               std::runtime_error);
  EXPECT_THROW(ReadAll(Write("bad.jsonl.zst", "\x28\xB5\x2F\xFDgarbage")),
               std::runtime_error);
  // Truncated half-way: the documents before the break come, then a
  // read-error ends the input.
  std::string many;
  for (int i = 0; i < 20000; ++i) {
    many += "{\"id\":\"d" + std::to_string(i) +
            "\",\"date\":\"2020-10-05\",\"text\":\"Report number " +
            std::to_string(i * 7919) + " about shelling.\"}\n";
  }
  for (const std::string& path :
       {WriteGzip("many.jsonl.gz", many), WriteZstd("many.jsonl.zst", many)}) {
    std::string bytes;
    {
      std::ifstream in(path, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::string cut_path = Write("cut_" + fs::path(path).filename().string(),
                                       bytes.substr(0, bytes.size() / 2));
    const std::vector<ReadItem> items = ReadAll(cut_path);
    ASSERT_GT(items.size(), 100u) << path;
    EXPECT_LT(items.size(), 20000u) << path;
    EXPECT_TRUE(items.front().document);
    ASSERT_TRUE(HasDiagnostic(items.back(), "read-error")) << path;
    EXPECT_FALSE(items.back().document);
  }
}

TEST_F(ReaderTest, PetrarchXml) {
  const std::string path = Write(
      "stories.xml",
      "<?xml version=\"1.0\"?>\n<Sentences>\n"
      "<!-- a <Sentence> inside a comment is not a record -->\n"
      "<Sentence date = \"20081204\" id =\"AFP_1-1\" source = \"AFP\" "
      "sentence = \"True\">\n<Text>\n  Arab   and African leaders\n  met in "
      "Cairo &amp; Khartoum.\n</Text>\n<Parse>(ROOT (S (NP Arab)))</Parse>\n"
      "<EventCoding sentenceid=\"AFP_1-1\">junk</EventCoding>\n</Sentence>\n"
      "<Sentence date=\"20081205\" id=\"AFP_2-1\">\n<Text>Israel closed the "
      "crossing.</Text>\n</Sentence>\n"
      "<Sentence id=\"AFP_3-1\"><Text>No date on this one.</Text></Sentence>\n"
      "</Sentences>\n");
  const std::vector<ReadItem> items = ReadAll(path);
  ASSERT_EQ(items.size(), 3u);
  ASSERT_TRUE(items[0].document);
  EXPECT_EQ(items[0].document->id, "AFP_1-1");
  EXPECT_EQ(items[0].document->date, "2008-12-04");
  EXPECT_EQ(items[0].document->source, "AFP");
  EXPECT_EQ(items[0].document->text,
            "Arab and African leaders met in Cairo & Khartoum.");
  EXPECT_TRUE(items[0].diagnostics.empty());
  EXPECT_EQ(items[1].document->id, "AFP_2-1");
  EXPECT_EQ(items[1].document->date, "2008-12-05");
  EXPECT_EQ(items[1].document->text, "Israel closed the crossing.");
  EXPECT_TRUE(HasDiagnostic(items[2], "missing-date"));
  EXPECT_EQ(items[2].document->text, "No date on this one.");
}

TEST_F(ReaderTest, HtmlBoilerplateRemoved) {
  const std::string path = Write(
      "page.html",
      "<!DOCTYPE html><html><head><title>Drones over Karabakh | Example "
      "News</title>\n<meta property=\"article:published_time\" "
      "content=\"2020-10-05T08:00:00Z\">\n<style>p { color: red; }</style>\n"
      "<script>var s = \"<p>not text</p>\";</script></head>\n<body>\n"
      "<nav><ul><li>Home</li><li>World</li></ul></nav>\n"
      "<header><p>Site banner</p></header>\n<article>\n"
      "<h1>Drones over Karabakh</h1>\n"
      "<p>Azerbaijan&rsquo;s army said it used drones&nbsp;near "
      "Xank\xC9\x99ndi &mdash; again.</p>\n"
      "<!-- <p>commented out</p> -->\n"
      "<p>Armenia <b>denied</b> the claim &amp; called it &#8220;false&#x201D;."
      "</p>\n"
      "<div class=\"related-posts\"><h3>Related</h3><ul><li><a>Another "
      "story</a></li></ul></div>\n"
      "<div class=\"share-buttons\"><p>Share on Facebook</p></div>\n"
      "<aside><p>Sidebar teaser</p></aside>\n"
      "<blockquote>We will not stop, a commander said.</blockquote>\n"
      "</article>\n<footer><p>Copyright</p></footer>\n</body></html>\n");
  const std::vector<ReadItem> items = ReadAll(path);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].document);
  const Document& document = *items[0].document;
  EXPECT_EQ(document.id, "page");
  EXPECT_EQ(document.title, "Drones over Karabakh | Example News");
  EXPECT_EQ(document.date, "2020-10-05");
  EXPECT_EQ(document.text,
            "Drones over Karabakh\n\n"
            "Azerbaijan\xE2\x80\x99s army said it used drones near "
            "Xank\xC9\x99ndi \xE2\x80\x94 again.\n\n"
            "Armenia denied the claim & called it \xE2\x80\x9C" "false"
            "\xE2\x80\x9D.\n\n"
            "We will not stop, a commander said.");
}

TEST_F(ReaderTest, HtmlCheckAlsoTeaserCut) {
  const std::string path = Write(
      "teaser.htm",
      "<html><body><h1>Ceasefire</h1><p>Both sides agreed to a truce.</p>"
      "<p>Check Also</p><p>Other headline from the same site</p>"
      "</body></html>");
  ReaderOptions options;
  options.default_date = "2020-10-10";
  const std::vector<ReadItem> items = ReadAll(path, options);
  ASSERT_TRUE(items[0].document);
  EXPECT_EQ(items[0].document->title, "Ceasefire");
  EXPECT_EQ(items[0].document->date, "2020-10-10");
  EXPECT_EQ(items[0].document->text, "Ceasefire\n\nBoth sides agreed to a truce.");
  EXPECT_TRUE(items[0].diagnostics.empty());
}

TEST_F(ReaderTest, PlainTextWithIsoDateLine) {
  const std::string path = Write(
      "report.2020.txt",
      "2020-10-05\nShelling hits Ganja\n\nThe city was shelled overnight. "
      "Officials counted the damage.\n");
  const std::vector<ReadItem> items = ReadAll(path);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].document);
  const Document& document = *items[0].document;
  EXPECT_EQ(document.id, "report.2020");
  EXPECT_EQ(document.date, "2020-10-05");
  EXPECT_EQ(document.title, "Shelling hits Ganja");
  EXPECT_EQ(document.text,
            "Shelling hits Ganja\n\nThe city was shelled overnight. Officials "
            "counted the damage.\n");
  EXPECT_TRUE(items[0].diagnostics.empty());
}

TEST_F(ReaderTest, PlainTextWithoutDateUsesDefault) {
  const std::string path = Write("note.txt", "One line report without a title.");
  ReaderOptions options;
  options.default_date = "2020-01-02";
  std::vector<ReadItem> items = ReadAll(path, options);
  ASSERT_TRUE(items[0].document);
  EXPECT_EQ(items[0].document->date, "2020-01-02");
  EXPECT_EQ(items[0].document->title, "");
  EXPECT_TRUE(items[0].diagnostics.empty());
  items = ReadAll(path, {});
  EXPECT_EQ(items[0].document->date, "");
  EXPECT_TRUE(HasDiagnostic(items[0], "missing-date"));
}

TEST_F(ReaderTest, FormatFromContent) {
  // No extension: '{' means JSON Lines, "<Sentence" XML, other '<' HTML.
  EXPECT_EQ(ReadAll(Write("a", kThreeDocs)).size(), 3u);
  const std::vector<ReadItem> xml = ReadAll(
      Write("b", "<Sentences><Sentence date=\"20100101\" id=\"s\"><Text>Hi "
                 "there.</Text></Sentence></Sentences>"));
  ASSERT_TRUE(xml[0].document);
  EXPECT_EQ(xml[0].document->id, "s");
  const std::vector<ReadItem> html =
      ReadAll(Write("c", "<html><p>Paragraph text.</p></html>"));
  ASSERT_TRUE(html[0].document);
  EXPECT_EQ(html[0].document->text, "Paragraph text.");
  ReaderOptions options;
  options.format = InputFormat::kText;
  const std::vector<ReadItem> forced = ReadAll(Write("d.jsonl", kThreeDocs), options);
  ASSERT_EQ(forced.size(), 1u);
  EXPECT_EQ(forced[0].document->text, kThreeDocs);
}

}  // namespace
}  // namespace dyad
