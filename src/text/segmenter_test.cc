#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace dyad::text {
namespace {

std::vector<Sentence> SegmentAll(std::string_view text) {
  return Segment(text, 0, text.size());
}

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& sentence : SegmentAll(text)) {
    out.emplace_back(text.substr(sentence.begin, sentence.end - sentence.begin));
  }
  return out;
}

std::vector<std::string> Surfaces(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& sentence : SegmentAll(text)) {
    for (const Token& token : sentence.tokens) {
      out.emplace_back(text.substr(token.begin, token.end - token.begin));
    }
  }
  return out;
}

std::vector<std::string> Norms(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& sentence : SegmentAll(text)) {
    for (const Token& token : sentence.tokens) out.push_back(token.norm);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(SegmenterTest, AbbreviationsKeepTheirPeriodAndDoNotSplit) {
  const std::string text =
      "The U.S. and the U.N. sent Gen. Aliyev and Lt. Col. Hasanov to meet "
      "Mr. Pashinyan and Sen. Rowe on Jan. 5 at No. 10 Downing Street.";
  EXPECT_EQ(Sentences(text).size(), 1u);
  const Strings surfaces = Surfaces(text);
  for (const char* abbreviation :
       {"U.S.", "U.N.", "Gen.", "Lt.", "Col.", "Mr.", "Sen.", "Jan.", "No."}) {
    EXPECT_NE(std::find(surfaces.begin(), surfaces.end(), abbreviation),
              surfaces.end())
        << abbreviation;
  }
  EXPECT_EQ(surfaces.back(), ".");
}

TEST(SegmenterTest, AbbreviationAtSentenceEnd) {
  EXPECT_EQ(Sentences("Drones were bought from the U.S. The army denied it."),
            (Strings{"Drones were bought from the U.S.", "The army denied it."}));
  EXPECT_EQ(Sentences("He flew to the U.S. Embassy in Baku.").size(), 1u);
  EXPECT_EQ(Sentences("Shares of Acme Inc. fell. Traders were calm.").size(), 2u);
  // "no" without a number after it is an ordinary word.
  EXPECT_EQ(Sentences("The answer was no. Talks ended.").size(), 2u);
}

TEST(SegmenterTest, Initials) {
  const std::string text =
      "George W. Bush met J. R. R. Tolkien's heirs. Then he left.";
  EXPECT_EQ(Sentences(text),
            (Strings{"George W. Bush met J. R. R. Tolkien's heirs.",
                     "Then he left."}));
  const Strings surfaces = Surfaces(text);
  EXPECT_EQ(surfaces[1], "W.");
  EXPECT_EQ(surfaces[4], "J.");
  EXPECT_EQ(surfaces[5], "R.");
}

TEST(SegmenterTest, Decimals) {
  const std::string text =
      "Growth was 3.5 percent. Some 1,200 troops and 22 tanks moved 0.75 km.";
  EXPECT_EQ(Sentences(text).size(), 2u);
  EXPECT_EQ(Surfaces(text),
            (Strings{"Growth", "was", "3.5", "percent", ".", "Some", "1,200",
                     "troops", "and", "22", "tanks", "moved", "0.75", "km",
                     "."}));
}

TEST(SegmenterTest, StraightAndCurlyQuotes) {
  const std::string text =
      "He called it \"a victory\" and said \xE2\x80\x9Cwe won\xE2\x80\x9D "
      "with \xE2\x80\x98pride\xE2\x80\x99.";
  EXPECT_EQ(Norms(text),
            (Strings{"He", "called", "it", "\"", "a", "victory", "\"", "and",
                     "said", "\"", "we", "won", "\"", "with", "'", "pride",
                     "'", "."}));
}

TEST(SegmenterTest, QuotationSpanningSentences) {
  const std::string text =
      "The minister praised the pilots, he said. \xE2\x80\x9CThese drones "
      "change the war. Our enemy knows it.\xE2\x80\x9D He then left.";
  EXPECT_EQ(Sentences(text),
            (Strings{"The minister praised the pilots, he said.",
                     "\xE2\x80\x9CThese drones change the war.",
                     "Our enemy knows it.\xE2\x80\x9D", "He then left."}));
  // A question inside quotes followed by a lower-case verb stays whole.
  EXPECT_EQ(Sentences("\"Why now?\" she asked. Nobody knew.").size(), 2u);
}

TEST(SegmenterTest, Dashes) {
  const std::string text =
      "Baku \xE2\x80\x93 and Yerevan \xE2\x80\x94 agreed - finally -- to talk.";
  const Strings norms = Norms(text);
  EXPECT_EQ(norms, (Strings{"Baku", "--", "and", "Yerevan", "--", "agreed",
                            "--", "finally", "--", "to", "talk", "."}));
  EXPECT_EQ(Surfaces(text)[1], "\xE2\x80\x93");
}

TEST(SegmenterTest, HyphenatedWordsStayWhole) {
  EXPECT_EQ(Surfaces("Nagorno-Karabakh saw Turkish-manufactured drones and "
                     "internationally-recognised borders, F-16s and U.S.-backed "
                     "forces."),
            (Strings{"Nagorno-Karabakh", "saw", "Turkish-manufactured", "drones",
                     "and", "internationally-recognised", "borders", ",",
                     "F-16s", "and", "U.S.-backed", "forces", "."}));
}

TEST(SegmenterTest, PossessivesAndContractions) {
  const std::string text =
      "Turkey\xE2\x80\x99s drones and the soldiers' families don't know; "
      "they can't say it's O'Brien's.";
  EXPECT_EQ(Surfaces(text),
            (Strings{"Turkey", "\xE2\x80\x99s", "drones", "and", "the",
                     "soldiers", "'", "families", "do", "n't", "know", ";",
                     "they", "ca", "n't", "say", "it", "'s", "O'Brien", "'s",
                     "."}));
  EXPECT_EQ(Norms(text)[1], "'s");
}

TEST(SegmenterTest, NonAsciiNames) {
  const std::string text =
      "Erdo\xC4\x9F" "an visited Xank\xC9\x99ndi and \xD0\x9C\xD0\xBE\xD1\x81"
      "\xD0\xBA\xD0\xB2\xD0\xB0. \xC3\x96" "calan was silent.";
  EXPECT_EQ(Surfaces(text),
            (Strings{"Erdo\xC4\x9F" "an", "visited", "Xank\xC9\x99ndi", "and",
                     "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", ".",
                     "\xC3\x96" "calan", "was", "silent", "."}));
  EXPECT_EQ(Sentences(text).size(), 2u);
}

TEST(SegmenterTest, UrlsAndEmails) {
  EXPECT_EQ(Surfaces("See https://example.org/a?b=1, or write to press@example.com."),
            (Strings{"See", "https://example.org/a?b=1", ",", "or", "write",
                     "to", "press@example.com", "."}));
}

TEST(SegmenterTest, ParagraphsAndHeadlines) {
  const std::string text =
      "Ceasefire collapses in the mountains\nShelling resumed on Sunday, "
      "officials said\nthat night.\n\nA second paragraph follows";
  EXPECT_EQ(Sentences(text),
            (Strings{"Ceasefire collapses in the mountains",
                     "Shelling resumed on Sunday, officials said\nthat night.",
                     "A second paragraph follows"}));
}

TEST(SegmenterTest, OffsetsMatchSurfaces) {
  const std::string text =
      "  BAKU, Oct 5 (Reuters) - Azerbaijan\xE2\x80\x99s President "
      "praised \xE2\x80\x9CTurkish-made\xE2\x80\x9D drones... It\xE2\x80\x99s "
      "over, said Mr. Smith. \n\n Erdo\xC4\x9F" "an agreed!  ";
  const std::vector<Sentence> sentences = Segment(text, 2, text.size(), 7);
  ASSERT_FALSE(sentences.empty());
  EXPECT_EQ(sentences.front().index, 7);
  for (const Sentence& sentence : sentences) {
    EXPECT_NE(text[sentence.begin], ' ');
    EXPECT_NE(text[sentence.end - 1], ' ');
    for (const Token& token : sentence.tokens) {
      ASSERT_LT(token.begin, token.end);
      const std::string surface = text.substr(token.begin, token.end - token.begin);
      EXPECT_EQ(surface.find(' '), std::string::npos) << surface;
      EXPECT_GE(token.begin, sentence.begin);
      EXPECT_LE(token.end, sentence.end);
      EXPECT_TRUE(token.lemma.empty());
      EXPECT_TRUE(token.tag.empty());
    }
  }
  EXPECT_EQ(sentences.back().index, 7 + static_cast<int>(sentences.size()) - 1);
}

TEST(SegmenterTest, RespectsRange) {
  const std::string text = "Skip this. Keep this part. Not this.";
  const size_t begin = text.find("Keep");
  const size_t end = text.find(" Not");
  const std::vector<Sentence> sentences = Segment(text, begin, end);
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].begin, begin);
  EXPECT_EQ(sentences[0].end, end);
}

TEST(SegmenterTest, LinearTimeOnHostileInput) {
  std::string words;
  for (int i = 0; i < 2000; ++i) words += "word ";
  std::string line(10 << 20, 'a');
  for (size_t i = 0; i < line.size(); i += 7) line[i] = '.';
  std::string punctuation(1 << 20, '!');
  std::string capitals;
  for (int i = 0; i < 100000; ++i) capitals += "Capital U.S. Mr. ";
  std::string quotes;
  for (int i = 0; i < 100000; ++i) quotes += ".\"'";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(SegmentAll(words).size(), 1u);
  EXPECT_FALSE(SegmentAll(line).empty());
  EXPECT_FALSE(SegmentAll(punctuation).empty());
  EXPECT_FALSE(SegmentAll(capitals).empty());
  EXPECT_FALSE(SegmentAll(quotes).empty());
  const auto seconds = std::chrono::duration<double>(
                           std::chrono::steady_clock::now() - start)
                           .count();
  // Generous for sanitizer builds; a quadratic pass would take hours.
  EXPECT_LT(seconds, 60.0);
}

TEST(Utf8RepairTest, ReplacesInvalidBytesKeepingOffsets) {
  std::string text =
      "ok \xC3\xA9 \xFF bad \xC0\xAF overlong \xED\xA0\x80 surrogate "
      "\xE2\x80 cut \xF0\x9F\x98\x80 fine \x80";
  const size_t size = text.size();
  EXPECT_EQ(RepairUtf8(text), 1u + 2u + 3u + 2u + 1u);
  EXPECT_EQ(text.size(), size);
  EXPECT_EQ(text,
            "ok \xC3\xA9 ? bad ?? overlong ??? surrogate ?? cut "
            "\xF0\x9F\x98\x80 fine ?");
  std::string valid = "Xank\xC9\x99ndi";
  EXPECT_EQ(RepairUtf8(valid), 0u);
  // ASCII is skipped eight bytes at a time: sequences at and across the
  // edges of those blocks.
  std::string blocks = "12345678\xFF" "1234567\xC3\xA9" "123456\xE2\x80";
  EXPECT_EQ(RepairUtf8(blocks), 3u);
  EXPECT_EQ(blocks, "12345678?1234567\xC3\xA9" "123456??");
}

TEST(DatelineTest, AgencyDatelines) {
  struct Case {
    std::string text;
    std::string place;
    std::string date;
    std::string rest;
  };
  const std::vector<Case> cases = {
      {"BAKU, Oct 5 (Reuters) - Fighting went on.", "BAKU", "Oct 5",
       "Fighting went on."},
      {"WASHINGTON (AP) \xE2\x80\x94 Congress met.", "WASHINGTON", "",
       "Congress met."},
      {"MOSCOW, Oct. 5, 2020 (AFP) \xE2\x80\x93 The Kremlin spoke.", "MOSCOW",
       "Oct. 5, 2020", "The Kremlin spoke."},
      {"KABUL - A blast hit the city.", "KABUL", "", "A blast hit the city."},
      {"Kyiv, Ukraine \xE2\x80\x94 Sirens sounded.", "Kyiv", "",
       "Sirens sounded."},
      {"NEW YORK, 5 October (Reuters) -- Stocks fell.", "NEW YORK",
       "5 October", "Stocks fell."},
  };
  for (const Case& c : cases) {
    const std::optional<Dateline> dateline = FindDateline(c.text);
    ASSERT_TRUE(dateline.has_value()) << c.text;
    EXPECT_EQ(dateline->begin, 0u);
    EXPECT_EQ(dateline->place, c.place) << c.text;
    EXPECT_EQ(dateline->date_text, c.date) << c.text;
    EXPECT_EQ(c.text.substr(dateline->end), c.rest) << c.text;
  }
}

TEST(DatelineTest, AfterAHeadlineLine) {
  const std::string_view text =
      "Minsk rejects new sanctions\n\nMINSK, March 3 (Reuters) - Belarus rejected the sanctions.";
  const std::optional<Dateline> dateline = FindDateline(text);
  ASSERT_TRUE(dateline.has_value());
  EXPECT_EQ(text.substr(0, dateline->begin), "Minsk rejects new sanctions\n\n");
  EXPECT_EQ(dateline->place, "MINSK");
  EXPECT_EQ(dateline->date_text, "March 3");
  EXPECT_EQ(text.substr(dateline->end), "Belarus rejected the sanctions.");
}

TEST(DatelineTest, NotAfterALongFirstParagraph) {
  // The first paragraph is the report itself, not a headline: a dash-led
  // line after it is not a dateline.
  const std::string text = std::string(400, 'x') + ".\nKABUL - A blast hit the city.";
  EXPECT_FALSE(FindDateline(text));
  EXPECT_FALSE(FindDateline("Short headline\nThe talks failed - again."));
}

TEST(DatelineTest, OrdinarySentencesHaveNone) {
  EXPECT_FALSE(FindDateline("Russia said - without proof - that it won."));
  EXPECT_FALSE(FindDateline("Russia - the largest country - voted."));
  EXPECT_FALSE(FindDateline("The talks failed."));
  EXPECT_FALSE(FindDateline("A - B"));
  EXPECT_FALSE(FindDateline("Turkish President Erdogan (pictured) - spoke."));
}

TEST(BoilerplateTest, CheckAlsoAndCopyrightAreCut) {
  const std::string body =
      "Azerbaijan and Armenia traded fire overnight.\n\n"
      "Officials in both capitals blamed each other.";
  const std::string page = body +
                           "\n\nCheck Also\n\nPeace talks stall again in "
                           "Geneva\n\nShare this:\nFacebook\n";
  EXPECT_EQ(BodyEnd(page), body.size());
  const std::string copyright = body + "\n\n\xC2\xA9 2020 Example News. All rights reserved.\n";
  EXPECT_EQ(BodyEnd(copyright), body.size());
  EXPECT_EQ(BodyEnd(body), body.size());
  // A marker before any body text is not a cut.
  const std::string leading = "Related\nThe body starts here.";
  EXPECT_EQ(BodyEnd(leading), leading.size());
  // "Read More:" and "More from ..." lines.
  EXPECT_EQ(BodyEnd(body + "\nRead More:\nOther story"), body.size());
  EXPECT_EQ(BodyEnd(body + "\n  More from Caucasus Desk  \nOther"), body.size());
}

TEST(BoilerplateTest, AdvertisementMidArticleIsKept) {
  const std::string text =
      "First paragraph of the report.\nAdvertisement\nSecond paragraph of "
      "the report, which goes on for a while to make the text long.\n"
      "Third paragraph, also long enough to matter here.";
  EXPECT_EQ(BodyEnd(text), text.size());
  const std::string tail = text + "\nAdvertisement\nBuy now";
  EXPECT_EQ(BodyEnd(tail), text.size());
}

TEST(BoilerplateTest, CaptionLinesAreDropped) {
  const std::string text =
      "Media playback is unsupported on your device Media caption Leaders meet in Minsk\n\n"
      "Belarus and Poland reopened a border crossing on Monday. Trade resumed.\n\n"
      "Image copyright Reuters Image caption Trucks queued at the border\n\n"
      "Photos: The crossing Trucks wait in line. Hide Caption 1 of 4 Photos: The crossing A guard.\n\n"
      "Officials said more crossings would open.";
  std::vector<Sentence> sentences = Segment(text, 0, text.size(), 3);
  DropCaptionLines(text, sentences);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(text.substr(sentences[0].begin, 6), "Belaru");
  EXPECT_EQ(text.substr(sentences[1].begin, 5), "Trade");
  EXPECT_EQ(text.substr(sentences[2].begin, 9), "Officials");
  EXPECT_EQ(sentences[0].index, 3);
  EXPECT_EQ(sentences[2].index, 5);
}

TEST(BoilerplateTest, HideCaptionAnywhereInALineDropsIt) {
  // The marker is searched for in the whole line, in any case, with the
  // space after it ("hide captions" is a word of the text).
  const std::string text =
      "Rescuers searched the rubble of the school. HIDE CAPTION 3 of 9\n\n"
      "Hide captions, the editor wrote, were left in by mistake.\n\n"
      "The search went on after dark.\n\n"
      "Volunteers brought lights.";
  std::vector<Sentence> sentences = Segment(text, 0, text.size());
  DropCaptionLines(text, sentences);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(text.substr(sentences[0].begin, 12), "Hide caption");
  EXPECT_EQ(text.substr(sentences[1].begin, 10), "The search");
  EXPECT_EQ(text.substr(sentences[2].begin, 10), "Volunteers");
}

// Words and runs are scanned eight bytes at a time: a word ends at the
// bytes just outside the letters ('@' '[' '`' '{'), wherever in the eight
// they fall, and an '@' deep in a long run still makes it an address.
TEST(SegmenterTest, LongWordsEndAtTheFirstNonLetter) {
  EXPECT_EQ(Surfaces("abcdefghZ[abc ABCDEFGH`abcdefgh{x abcdefghijklmnopq@"),
            (std::vector<std::string>{"abcdefghZ", "[", "abc", "ABCDEFGH", "`", "abcdefgh", "{",
                                      "x", "abcdefghijklmnopq", "@"}));
  EXPECT_EQ(Surfaces("Mail first.second.third@example.org now"),
            (std::vector<std::string>{"Mail", "first.second.third@example.org", "now"}));
  // DEL, like a control byte, only separates.
  EXPECT_EQ(Surfaces("Kyiv\xC3\xA9" "abcdefgh\x7Fxyz"),
            (std::vector<std::string>{"Kyiv\xC3\xA9" "abcdefgh", "xyz"}));
}

TEST(SegmenterTest, AcronymAndOneCapitalAfterASlashAreOneWord) {
  EXPECT_EQ(Surfaces("SPLM/A and Sudan met."), (Strings{"SPLM/A", "and", "Sudan", "met", "."}));
  // Two acronyms stay two words.
  EXPECT_EQ(Surfaces("AU/UN forces"), (Strings{"AU", "/", "UN", "forces"}));
}

}  // namespace
}  // namespace dyad::text
