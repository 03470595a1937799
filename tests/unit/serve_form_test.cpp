// The form's fields as JSON → report XML (serve/form_xml) and back, the
// report composed with them (serve/compose), and admission (serve/admission).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "serve/admission.h"
#include "serve/compose.h"
#include "serve/form_xml.h"
#include "serve/request_error.h"
#include "util/utf8.h"

namespace {

using namespace banshi;
using namespace banshi::serve;

std::string code_of(const std::string& json) {
  try {
    form_xml(json);
  } catch (const RequestError& e) {
    return std::string(e.diagnostic().code_str());
  }
  return "";
}

TEST(ServeForm, JsonToXmlInSchemaOrderOnOneLine) {
  const Form f = form_xml(
      R"({"declaration": {"secret": "no", "sensitive": "yes"},
          "project": {"title": "A & B", "id": "BZ25YB119", "category": ""},
          "changes": {"person": [{"role": "original-leader", "name": "张三"}], "changed": "no",
                      "what-changed": "第一行\n第二行"}})");
  EXPECT_EQ(f.xml,
            "<project><id>BZ25YB119</id><title>A &amp; B</title></project>"
            "<declaration sensitive=\"yes\" secret=\"no\"/>"
            "<changes changed=\"no\"><what-changed>第一行&#10;第二行</what-changed>"
            "<person role=\"original-leader\"><name>张三</name></person></changes>");
  // The column (in code points) of a field in the line gives its key.
  const std::string before = f.xml.substr(0, f.xml.find("<name>"));
  const size_t name = utf8_count(before) + 1;
  ASSERT_TRUE(f.field_at(name));
  EXPECT_EQ(f.field_at(name)->key, "changes.person[0].name");
  ASSERT_TRUE(f.field_at(1));
  EXPECT_EQ(f.field_at(1)->key, "project");
}

TEST(ServeForm, Indented) {
  const Form f = form_xml(R"({"project": {"id": "BZ25YB119"}})", true);
  EXPECT_EQ(f.xml, "\n  <project>\n    <id>BZ25YB119</id>\n  </project>");
}

TEST(ServeForm, Refusals) {
  EXPECT_EQ(code_of("{nope"), "serve.fields-json");
  EXPECT_EQ(code_of(R"({"outcome": {}})"), "serve.field-unknown");
  EXPECT_EQ(code_of(R"({"project": {"nickname": "x"}})"), "serve.field-unknown");
  EXPECT_EQ(code_of(R"({"project": {"id": 5}})"), "serve.field-not-text");
  EXPECT_EQ(code_of(R"({"project": ["x"]})"), "serve.field-not-object");
  EXPECT_EQ(code_of(std::string(10000, '[')), "serve.fields-too-deep");
  EXPECT_EQ(code_of(R"({"project": {"id": "\u00e9\ud800"}})"), "serve.fields-json");  // a lone surrogate
}

TEST(ServeForm, BackFromXml) {
  const std::string json = form_json(
      "<report template=\"jiexiang\" version=\"1\"><project><id> BZ25YB119 </id></project>"
      "<changes changed=\"yes\"><person role=\"current-member\"><name>甲</name></person>"
      "<person role=\"current-member\"><name>乙</name></person></changes><outcome/></report>");
  EXPECT_EQ(
      json,
      R"({"project":{"id":"BZ25YB119"},"changes":{"changed":"yes","person":[{"role":"current-member","name":"甲"},{"role":"current-member","name":"乙"}]}})");
}

TEST(ServeCompose, TheFormGoesOnTheReportLineAndLinesStay) {
  Submission s;
  s.action = Action::Check;
  s.report =
      Upload{"r.xml",
             "<?xml version=\"1.0\"?>\n<report template=\"jiexiang\" version=\"1\">\n  <project>\n    <id>X</id>\n"
             "  </project>\n  <outcome>\n    <title>T</title>\n  </outcome>\n</report>\n"};
  s.fields = R"({"project": {"id": "BZ25YB119"}})";
  Diagnostics diags;
  const Document doc = compose(s, "/nonexistent", diags);
  EXPECT_EQ(
      doc.xml,
      "<?xml version=\"1.0\"?>\n<report template=\"jiexiang\" version=\"1\"><project><id>BZ25YB119</id></project>\n"
      "  \n\n\n  <outcome>\n    <title>T</title>\n  </outcome>\n</report>\n");
  // The outcome is on line 6, as in the upload.
  EXPECT_EQ(std::count(doc.xml.begin(), doc.xml.begin() + static_cast<long>(doc.xml.find("<outcome>")), '\n'), 5);
  EXPECT_EQ(doc.form_line, 2);
  EXPECT_EQ(doc.form_column, 41u);
  const FieldSpan* f = doc.field_at(SourceLoc("r.xml", 2, 41 + 10));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->key, "project.id");
  EXPECT_FALSE(doc.field_at(SourceLoc("other.xml", 2, 52)));

  s.template_name = "../../etc";
  EXPECT_THROW(compose(s, "/nonexistent", diags), RequestError);
}

TEST(ServeAdmission, SlotsThenAQueueThenBusy) {
  Admission a(1, 1, std::chrono::milliseconds(200));
  auto first = a.enter();
  ASSERT_TRUE(first);
  EXPECT_EQ(a.running(), 1u);
  // One may wait; it gets the slot when the first leaves.
  std::atomic<bool> second{false}, done{false};
  std::thread waiter([&] {
    auto slot = a.enter();
    second = slot.has_value();
    while (!done) std::this_thread::yield();  // held until the test is done with it
  });
  while (a.waiting() == 0) std::this_thread::yield();
  EXPECT_FALSE(a.enter());  // the queue is full: busy at once
  first.reset();
  while (!second) std::this_thread::yield();
  // Waiting longer than the wait: busy.
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(a.enter());
  EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(200));
  done = true;
  waiter.join();
}

}  // namespace
