// End-to-end tests of the dyad binary on inputs written by the tests: bad
// input in a batch, output formats, the SQLite store, threads, dictionaries.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <zlib.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/temp_file.h"

namespace dyad {
namespace {

struct CommandResult {
  int status = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs dyad with `args` (a shell word list); standard error goes to a file.
CommandResult Dyad(const std::string& args, const testing::TempDir& dir) {
  const std::string err_file = (dir.path() / "stderr.txt").string();
  const std::string command = std::string(DYAD_BINARY) + " " + args + " 2>" + err_file;
  CommandResult run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 65536> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  run.status = WEXITSTATUS(pclose(pipe));
  std::ifstream in(err_file);
  run.err.assign(std::istreambuf_iterator<char>(in), {});
  return run;
}

size_t Lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

constexpr const char* kGoodDocument =
    R"({"id":"good-1","date":"2021-03-02","text":"Azeri forces shelled Armenian positions near the border."})";

TEST(Cli, BadDocumentsAreReportedAndTheBatchGoesOn) {
  testing::TempDir dir;
  std::string big(200000, 'a');
  for (size_t i = 100; i < big.size(); i += 100) big[i] = ' ';
  auto input = dir.Write("batch.jsonl",
                         std::string(kGoodDocument) + "\n" +
                             "{\"id\":\"broken\", \"text\": \n" +                        // broken JSON
                             R"({"id":"bad-utf8","date":"2021-03-02","text":"Canada imposed sanctions on Russia )" +
                             std::string("\xff\xfe") + R"(today."})" + "\n" +           // invalid UTF-8
                             R"({"id":"empty","date":"2021-03-02","text":"   "})" + "\n" +  // empty
                             R"({"id":"undated","text":"The Kremlin condemned Estonia."})" + "\n" +
                             R"({"id":"huge","date":"2021-03-02","text":")" + big + "\"}\n");
  CommandResult run = Dyad("code --max-document-bytes 100000 " + input.string(), dir);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("broken-json"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("batch.jsonl:2"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("invalid-utf8"), std::string::npos);
  EXPECT_NE(run.err.find("empty-document"), std::string::npos);
  EXPECT_NE(run.err.find("missing-date"), std::string::npos);
  EXPECT_NE(run.err.find("too-large"), std::string::npos);
  EXPECT_NE(run.err.find("documents: 4 coded, 2 skipped"), std::string::npos) << run.err;
  // The good, the repaired and the undated documents all code their events.
  EXPECT_NE(run.out.find(R"("doc_id":"good-1")"), std::string::npos);
  EXPECT_NE(run.out.find(R"("doc_id":"bad-utf8")"), std::string::npos);
  EXPECT_NE(run.out.find(R"("doc_id":"undated")"), std::string::npos);
}

TEST(Cli, PlainTextWithDateAndFormats) {
  testing::TempDir dir;
  auto input = dir.Write("report.txt", "Canada imposed sanctions on Russia and Belarus.\n");
  CommandResult jsonl = Dyad("code --date 2022-05-10 " + input.string(), dir);
  ASSERT_EQ(jsonl.status, 0) << jsonl.err;
  EXPECT_EQ(Lines(jsonl.out), 2u);
  EXPECT_NE(jsonl.out.find(R"("date":"2022-05-10")"), std::string::npos);
  EXPECT_NE(jsonl.out.find(R"("cameo":"163")"), std::string::npos);

  CommandResult tsv = Dyad("code --format tsv --date 2022-05-10 " + input.string(), dir);
  ASSERT_EQ(tsv.status, 0);
  EXPECT_EQ(Lines(tsv.out), 3u);  // header + 2 events
  EXPECT_EQ(tsv.out.rfind("doc_id\t", 0), 0u);

  CommandResult plover = Dyad("code --format plover --date 2022-05-10 " + input.string(), dir);
  ASSERT_EQ(plover.status, 0);
  EXPECT_NE(plover.out.find("\"COERCE\""), std::string::npos) << plover.out;

  CommandResult bad_date = Dyad("code --date 2022-13-10 " + input.string(), dir);
  EXPECT_NE(bad_date.status, 0);
  EXPECT_NE(bad_date.err.find("YYYY-MM-DD"), std::string::npos);
}

TEST(Cli, ResignationIsPloverRetreat) {
  // The pattern's own PLOVER type (dict/verbs/08_yield.txt, 0831/RETREAT:resign)
  // beats the CAMEO->PLOVER table's CONCEDE; the intention to resign (034)
  // keeps the table's AGREE.
  testing::TempDir dir;
  auto input = dir.Write("report.txt",
                         "Georgian President Eduard Shevardnadze resigned on Sunday.\n\n"
                         "Georgian President Eduard Shevardnadze will resign on Sunday.\n");
  CommandResult jsonl = Dyad("code --date 2003-11-24 " + input.string(), dir);
  ASSERT_EQ(jsonl.status, 0) << jsonl.err;
  EXPECT_NE(jsonl.out.find(R"("cameo":"0831")"), std::string::npos) << jsonl.out;
  EXPECT_NE(jsonl.out.find(R"("event":"RETREAT","mode":"resign")"), std::string::npos) << jsonl.out;
  EXPECT_NE(jsonl.out.find(R"("cameo":"034")"), std::string::npos) << jsonl.out;
  EXPECT_NE(jsonl.out.find(R"("event":"AGREE")"), std::string::npos) << jsonl.out;
}

TEST(Cli, CompressedInputAndOutputFile) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "docs.jsonl.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  std::string content = std::string(kGoodDocument) + "\n";
  gzwrite(gz, content.data(), static_cast<unsigned>(content.size()));
  gzclose(gz);
  const std::string out = (dir.path() / "events.jsonl").string();
  CommandResult run = Dyad("code -o " + out + " " + path, dir);
  ASSERT_EQ(run.status, 0) << run.err;
  std::ifstream in(out);
  std::string events((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(events.find(R"("source":{"code":"AZEMIL")"), std::string::npos) << events;
}

int64_t Count(sqlite3* db, const char* table) {
  sqlite3_stmt* statement = nullptr;
  std::string sql = std::string("SELECT COUNT(*) FROM ") + table;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
  sqlite3_step(statement);
  int64_t n = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return n;
}

TEST(Cli, CodingTwiceIntoTheDatabaseDoesNotDuplicate) {
  testing::TempDir dir;
  auto input = dir.Write("docs.jsonl", std::string(kGoodDocument) + "\n" +
                                           R"({"id":"good-2","date":"2022-05-10","text":"Kenya and Uganda signed a trade agreement. Talks between Ethiopia and Eritrea resumed."})" +
                                           "\n");
  const std::string db_path = (dir.path() / "dyad.db").string();
  for (int pass = 0; pass < 2; ++pass) {
    CommandResult run = Dyad("code -q --db " + db_path + " " + input.string(), dir);
    ASSERT_EQ(run.status, 0) << run.err;
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(Count(db, "documents"), 2);
  EXPECT_EQ(Count(db, "sentences"), 3);
  EXPECT_EQ(Count(db, "events"), 5);
  sqlite3_close(db);
}

TEST(Cli, ThreadsDoNotChangeTheOutput) {
  testing::TempDir dir;
  std::ostringstream docs;
  const char* texts[] = {"Canada imposed sanctions on Russia.", "The Kremlin condemned Estonia.",
                         "Talks between Ethiopia and Eritrea resumed.", "Japan may impose sanctions on North Korea."};
  for (int i = 0; i < 200; ++i) {
    docs << R"({"id":"d)" << i << R"(","date":"2021-01-01","text":")" << texts[i % 4] << "\"}\n";
  }
  auto input = dir.Write("docs.jsonl", docs.str());
  CommandResult one = Dyad("code -q --threads 1 " + input.string(), dir);
  CommandResult two = Dyad("code -q --threads 2 " + input.string(), dir);
  ASSERT_EQ(one.status, 0);
  EXPECT_EQ(Lines(one.out), 250u);
  EXPECT_EQ(one.out, two.out);
}

TEST(Cli, DictionaryCheckAndLookup) {
  testing::TempDir dir;
  CommandResult check = Dyad("dict check", dir);
  EXPECT_EQ(check.status, 0) << check.out;
  EXPECT_NE(check.out.find("errors: 0"), std::string::npos);
  CommandResult lookup = Dyad("dict lookup --date 2020-10-05 Erdogan 'Ilham Aliyev' Azeri Kremlin Nowhere", dir);
  ASSERT_EQ(lookup.status, 0) << lookup.err;
  EXPECT_EQ(lookup.out, "Erdogan\tTURGOV\nIlham Aliyev\tAZEGOV\nAzeri\tAZE\nKremlin\tRUSGOV\nNowhere\t-\n");
}

TEST(Cli, PeerActorDictionaryReplacesTheBuiltInActors) {
  testing::TempDir dir;
  auto actors = dir.Write("test.actors.txt",
                          "<!-- invented test actors, PETRARCH syntax -->\n"
                          "RIVERLAND [RVL]\n+RIVERLANDER\nHILL_COUNTRY [HLC]\n");
  auto input = dir.Write("news.txt", "Riverland attacked Hill Country. France condemned Spain.\n");
  CommandResult run = Dyad("code -q --date 2020-01-01 --dictionaries " + actors.string() + " " + input.string(), dir);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find(R"("source":{"code":"RVL")"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(R"("target":{"code":"HLC")"), std::string::npos);
  EXPECT_EQ(run.out.find("FRA"), std::string::npos);  // the built-in actors are replaced
  EXPECT_EQ(Lines(run.out), 1u);

  // A peer verb file replaces dyad's verbs too; a malformed one is refused
  // with its file and line.
  auto verbs = dir.Write("peer.verbs.txt", "--- ASSAIL [111] ---\nASSAIL\n");
  input = dir.Write("news2.txt", "Riverland assailed Hill Country. Riverland attacked Hill Country.\n");
  run = Dyad("code -q --date 2020-01-01 --dictionaries " + actors.string() + " --dictionaries " +
                 verbs.string() + " " + input.string(),
             dir);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(Lines(run.out), 1u) << run.out;
  EXPECT_NE(run.out.find(R"("cameo":"111")"), std::string::npos) << run.out;
  auto bad = dir.Write("bad.verbs.txt", "--- ATTACK [190] ---\nATTACK\n- * +ATTACK\n");
  CommandResult refused = Dyad("code -q --dictionaries " + bad.string() + " " + input.string(), dir);
  EXPECT_NE(refused.status, 0);
  EXPECT_NE(refused.err.find("bad.verbs.txt:3:"), std::string::npos) << refused.err;
}

}  // namespace
TEST(Cli, AnalyzeExplainsTheEventsOfEachSentence) {
  testing::TempDir dir;
  CommandResult run = Dyad(
      "analyze --date 2020-10-06 'Turkey was accused yesterday of selling weapons to Azerbaijan, leading Armenia "
      "to recall its ambassador. The weather was fine.'",
      dir);
  EXPECT_EQ(run.status, 0) << run.err;
  // The clause, then the event with its pattern, then why: the actors' words and dictionary entries.
  EXPECT_NE(run.out.find("CLAUSE recall"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("EVENT 072 TUR -> AZE modality=alleged pattern=verbs/07_aid.txt:"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("EVENT 161 ARM -> TUR"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("WHY   event 072 TUR 'Turkey' = Türkiye -> AZE 'Azerbaijan'"), std::string::npos) << run.out;
  // A sentence without an event says why not.
  EXPECT_NE(run.out.find("WHY verb 'was' (be): no pattern"), std::string::npos) << run.out;
  EXPECT_EQ(Dyad("analyze --date 2020-13-40 'Turkey'", dir).status == 0, false);
}

TEST(Cli, TreebankListsTaggingErrors) {
  testing::TempDir dir;
  // "attacked" is marked NN on purpose: dyad's VBD is the one error.
  auto conllu = dir.Write("tiny.conllu",
                          "# text = The army attacked the town .\n"
                          "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
                          "2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
                          "3\tattacked\tattack\tVERB\tNN\t_\t0\troot\t_\t_\n"
                          "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
                          "5\ttown\ttown\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
                          "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  CommandResult plain = Dyad("treebank " + conllu.string(), dir);
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_NE(plain.out.find("XPOS accuracy: 83.3% (5/6)"), std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find("XPOS errors"), std::string::npos) << plain.out;
  CommandResult errors = Dyad("treebank --errors " + conllu.string(), dir);
  ASSERT_EQ(errors.status, 0) << errors.err;
  EXPECT_NE(errors.out.find("XPOS errors: 1 (gold -> dyad)\nNN    -> VBD   1\n    The army [attacked] the town .\n"),
            std::string::npos)
      << errors.out;
  EXPECT_NE(Dyad("treebank --errors --examples 9 " + conllu.string(), dir).status, 0);
}

}  // namespace dyad
