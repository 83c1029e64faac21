#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "dyad/sink.h"
#include "sink/test_document.h"

namespace dyad::sink {
namespace {

class SqliteSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("dyad_sqlite_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = dir_ / "events.db";
  }
  void TearDown() override {
    Close();
    std::filesystem::remove_all(dir_);
  }

  void WriteOnce(const TestDocument& test) {
    auto sink = MakeSqliteSink(path_);
    sink->Write(test.document, test.result);
    sink->Finish();
  }

  sqlite3* Db() {
    if (db_ == nullptr) {
      EXPECT_EQ(sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    }
    return db_;
  }
  void Close() {
    sqlite3_close(db_);
    db_ = nullptr;
  }

  // Returns the first column of the first row as text; nullopt for NULL or
  // no row.
  std::optional<std::string> Query(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(Db(), sql.c_str(), -1, &statement, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(Db());
    std::optional<std::string> value;
    if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_type(statement, 0) != SQLITE_NULL) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    return value;
  }

  std::string Count(const std::string& table) {
    return Query("SELECT count(*) FROM " + table).value_or("?");
  }

  std::filesystem::path dir_;
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

TEST_F(SqliteSinkTest, WritesDocumentsSentencesAndEvents) {
  const TestDocument test = MakeTestDocument();
  WriteOnce(test);
  EXPECT_EQ(Count("documents"), "1");
  EXPECT_EQ(Count("sentences"), "2");
  EXPECT_EQ(Count("events"), "2");

  EXPECT_EQ(Query("SELECT title FROM documents WHERE id = 'doc-7'"), test.document.title);
  EXPECT_EQ(Query("SELECT text FROM documents"), test.document.text);
  EXPECT_EQ(Query("SELECT text FROM sentences WHERE idx = 0"),
            "The Azerbaijani government issued a statement.");
  EXPECT_EQ(Query("SELECT text FROM sentences WHERE idx = 1"), test.result.events[1].sentence_text);
  EXPECT_EQ(Query("SELECT \"end\" - \"begin\" FROM sentences WHERE idx = 0"), "46");

  auto column = [&](const std::string& name) {
    return Query("SELECT " + name + " FROM events WHERE cameo = '190'");
  };
  EXPECT_EQ(column("doc_id"), "doc-7");
  EXPECT_EQ(column("sentence"), "1");
  EXPECT_EQ(column("date"), "2020-10-05");
  EXPECT_EQ(column("date_source"), "text");
  EXPECT_EQ(column("date_text"), "on Monday");
  EXPECT_EQ(column("source_code"), "AZE");
  EXPECT_EQ(column("source_sector"), std::nullopt);
  EXPECT_EQ(column("source_text"), "Azerbaijani forces");
  EXPECT_EQ(column("source_begin"), std::to_string(test.result.events[1].source.begin));
  EXPECT_EQ(column("target_code"), "ARMMIL");
  EXPECT_EQ(column("target_country"), "ARM");
  EXPECT_EQ(column("target_sector"), "MIL");
  EXPECT_EQ(column("target_end"), std::to_string(test.result.events[1].target->end));
  EXPECT_EQ(column("root"), "19");
  EXPECT_EQ(column("quad_class"), "4");
  EXPECT_EQ(column("goldstein"), "-10.0");
  EXPECT_EQ(column("plover_event"), "ASSAULT");
  EXPECT_EQ(column("plover_mode"), std::nullopt);
  EXPECT_EQ(column("plover_context"), "[\"military\"]");
  EXPECT_EQ(column("modality"), "reported");
  EXPECT_EQ(column("attribution"), "the ministry");
  EXPECT_EQ(column("location_name"), "Xank\xC9\x99ndi");
  EXPECT_EQ(column("location_admin1"), "Xank\xC9\x99ndi");
  EXPECT_EQ(column("lat"), "39.8153");
  EXPECT_EQ(column("geonameid"), "586523");
  EXPECT_EQ(column("location_precision"), "city");
  EXPECT_EQ(column("verb_text"), "attacked");
  EXPECT_EQ(column("pattern"), "verbs/attack.txt:7");
  EXPECT_EQ(column("round(confidence, 3)"), "0.857");
  EXPECT_EQ(column("sentence_text"), test.result.events[1].sentence_text);

  auto statement = [&](const std::string& name) {
    return Query("SELECT " + name + " FROM events WHERE cameo = '010'");
  };
  EXPECT_EQ(statement("target_code"), std::nullopt);
  EXPECT_EQ(statement("target_begin"), std::nullopt);
  EXPECT_EQ(statement("plover_event"), std::nullopt);
  EXPECT_EQ(statement("plover_context"), "[]");
  EXPECT_EQ(statement("location_name"), std::nullopt);
  EXPECT_EQ(statement("lat"), std::nullopt);
  EXPECT_EQ(statement("date_text"), std::nullopt);
  EXPECT_EQ(statement("source_sector"), "GOV");
  EXPECT_EQ(statement("goldstein"), "0.0");
}

TEST_F(SqliteSinkTest, UsesWalAndIndexes) {
  WriteOnce(MakeTestDocument());
  EXPECT_EQ(Query("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                  "'events' AND name LIKE 'events_%'"),
            "4");
}

TEST_F(SqliteSinkTest, WritingADocumentAgainReplacesItsRows) {
  const TestDocument test = MakeTestDocument();
  WriteOnce(test);
  WriteOnce(test);
  EXPECT_EQ(Count("documents"), "1");
  EXPECT_EQ(Count("sentences"), "2");
  EXPECT_EQ(Count("events"), "2");

  // Twice within one run, then a changed version with one event less.
  {
    auto sink = MakeSqliteSink(path_);
    sink->Write(test.document, test.result);
    sink->Write(test.document, test.result);
    TestDocument changed = test;
    changed.document.title = "Updated";
    changed.result.events.pop_back();
    sink->Write(changed.document, changed.result);
    sink->Finish();
  }
  EXPECT_EQ(Count("documents"), "1");
  EXPECT_EQ(Count("sentences"), "2");
  EXPECT_EQ(Count("events"), "1");
  EXPECT_EQ(Query("SELECT title FROM documents"), "Updated");
  EXPECT_EQ(Query("SELECT cameo FROM events"), "010");
}

TEST_F(SqliteSinkTest, CommitsAcrossBatches) {
  const TestDocument test = MakeTestDocument();
  {
    auto sink = MakeSqliteSink(path_);
    for (int i = 0; i < 1201; ++i) {
      TestDocument copy = test;
      copy.document.id = "doc-" + std::to_string(i);
      sink->Write(copy.document, copy.result);
    }
    sink->Finish();
  }
  EXPECT_EQ(Count("documents"), "1201");
  EXPECT_EQ(Count("events"), "2402");
  EXPECT_EQ(Query("SELECT count(DISTINCT doc_id) FROM events"), "1201");
}

TEST_F(SqliteSinkTest, KeepsWrittenDocumentsWithoutFinish) {
  const TestDocument test = MakeTestDocument();
  {
    auto sink = MakeSqliteSink(path_);
    sink->Write(test.document, test.result);
  }
  EXPECT_EQ(Count("events"), "2");
}

TEST_F(SqliteSinkTest, ThrowsWhenTheDatabaseCannotBeOpened) {
  EXPECT_THROW(MakeSqliteSink(dir_ / "no" / "such" / "folder" / "events.db"), std::runtime_error);
  // A folder is not a database either.
  EXPECT_THROW(MakeSqliteSink(dir_), std::runtime_error);
  try {
    MakeSqliteSink(dir_ / "missing" / "x.db");
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("unable to open database file"), std::string::npos)
        << error.what();
  }
}

TEST_F(SqliteSinkTest, ThrowsWhenTheFileIsNotADatabase) {
  {
    std::FILE* file = std::fopen(path_.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    std::fputs("this is not an SQLite database, just some text long enough to have a header\n",
               file);
    std::fclose(file);
  }
  EXPECT_THROW(MakeSqliteSink(path_), std::runtime_error);
}

}  // namespace
}  // namespace dyad::sink
