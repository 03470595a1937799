// The printed labels a filled-in form is read by, one function so that
// where they come from is decided in one place: the field table's labels
// (templates/fields.xml) and the few other spellings the federation's Word
// file uses for the same field (单位 for 所在单位 in the members' rows).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace banshi::docx {

// A field of the form by its key — "project.id", "declaration.secret",
// "changes.changed", "person.name" — and the labels it may be printed
// under, the form's own label first (the one messages give); a person's
// field with the person's role ("original-leader"), which names it in
// messages (原负责人 姓名). Empty for a key the form does not have.
struct FormField {
  std::string key;
  std::string path;                  // "<project>/<id>", for messages as the XML reader gives them
  std::string label;                 // as messages name it: "立项编号", "原负责人 姓名"
  std::vector<std::string> printed;  // as the form prints it: "姓名", "姓 名"'s key is the same
};

FormField form_field(std::string_view key, std::string_view role = {});

// The labels of the person roles in the change table: 原负责人 …, by the
// XML's role names ("original-leader").
std::string role_label(std::string_view role);

}  // namespace banshi::docx
