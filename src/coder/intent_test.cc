#include "coder/intent.h"

#include <gtest/gtest.h>

namespace dyad::coder {
namespace {

TEST(IntentCode, CooperativeActsBecomeIntentions) {
  EXPECT_EQ(IntentCode("072", false), "0332");   // send arms -> intent to give military aid
  EXPECT_EQ(IntentCode("0874", false), "0356");  // retreat -> intent to de-escalate
  EXPECT_EQ(IntentCode("040", false), "036");    // meet -> intent to meet
  EXPECT_EQ(IntentCode("045", false), "039");    // mediate -> intent to mediate
  EXPECT_EQ(IntentCode("057", false), "030");    // sign an agreement
  EXPECT_EQ(IntentCode("0841", false), "0353");  // release persons
}

TEST(IntentCode, HostileActsBecomeThreats) {
  EXPECT_EQ(IntentCode("161", false), "1313");
  EXPECT_EQ(IntentCode("163", false), "1312");
  EXPECT_EQ(IntentCode("190", false), "1384");
  EXPECT_EQ(IntentCode("192", false), "1382");
  EXPECT_EQ(IntentCode("183", false), "1383");
  EXPECT_EQ(IntentCode("200", false), "1385");
  EXPECT_EQ(IntentCode("1723", false), "132");
}

TEST(IntentCode, RefusalsOfCooperationAreRejections) {
  EXPECT_EQ(IntentCode("0841", true), "1243");
  EXPECT_EQ(IntentCode("046", true), "125");
  EXPECT_EQ(IntentCode("062", true), "1212");
  // Refusing to attack is no CAMEO event: the caller keeps the negated act.
  EXPECT_EQ(IntentCode("190", true), std::nullopt);
}

TEST(IntentCode, SpeechActsHaveNoIntentForm) {
  for (const char* code : {"010", "020", "036", "100", "112", "120", "130", "150", "090"}) {
    EXPECT_EQ(IntentCode(code, false), std::nullopt) << code;
  }
}

TEST(RequestCode, AppealsAndDemandsMirrorIntentions) {
  EXPECT_EQ(RequestCode("0841", true), "1053");   // release persons
  EXPECT_EQ(RequestCode("0841", false), "0253");
  EXPECT_EQ(RequestCode("087", true), "1056");    // de-escalate
  EXPECT_EQ(RequestCode("040", true), "106");     // meet
  EXPECT_EQ(RequestCode("045", false), "028");    // mediate
  EXPECT_EQ(RequestCode("072", true), "1032");    // military aid
  EXPECT_EQ(RequestCode("057", true), "100");     // sign: intent 030, demand 100
  EXPECT_EQ(RequestCode("039", true), "108");     // be ready to mediate
  EXPECT_EQ(RequestCode("0353", false), "0253");
  // No cooperative form: a plain demand or appeal.
  EXPECT_EQ(RequestCode("190", true), "100");
  EXPECT_EQ(RequestCode("010", false), "020");
}

TEST(IsIntentGovernor, IntentionsButNotPredictions) {
  for (const char* lemma : {"plan", "pledge", "agree", "offer", "willing", "ready"}) {
    EXPECT_TRUE(IsIntentGovernor(lemma)) << lemma;
  }
  for (const char* lemma : {"expect", "schedule", "urge", "say"}) EXPECT_FALSE(IsIntentGovernor(lemma)) << lemma;
}

TEST(IsAimGovernor, OnlySeekAndHope) {
  EXPECT_TRUE(IsAimGovernor("seek"));
  EXPECT_TRUE(IsAimGovernor("hope"));
  EXPECT_FALSE(IsAimGovernor("try"));
  EXPECT_FALSE(IsIntentGovernor("seek"));
}

}  // namespace
}  // namespace dyad::coder
