// Finding the values of a filled-in form by their printed labels.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "docx/form_text.h"

using namespace banshi::docx;

namespace {

Block para(std::string text, int index) {
  Para p;
  p.text = std::move(text);
  p.index = index;
  return p;
}

Cell cell(std::string text, int index) {
  Cell c;
  c.paras.push_back(std::get<Para>(para(std::move(text), index)));
  return c;
}

}  // namespace

TEST(DocxForm, LabelsWithoutTheirSpaces) {
  EXPECT_EQ(label_key("立 项 编 号："), "立项编号");
  EXPECT_EQ(label_key("姓　名"), "姓名");
  EXPECT_EQ(label_key("项目负责人:"), "项目负责人");
}

TEST(DocxForm, DateSpellings) {
  EXPECT_EQ(form_date("2025 年 10 月 15 日"), "2025-10-15");
  EXPECT_EQ(form_date("2025年6月3日"), "2025-06-03");
  EXPECT_EQ(form_date("2025.10.15"), "2025-10-15");
  EXPECT_EQ(form_date("2025/6/30"), "2025-06-30");
  EXPECT_EQ(form_date("２０２５－"), std::nullopt);
  EXPECT_EQ(form_date("２０２５．１０．１５"), "2025-10-15");
  EXPECT_EQ(form_date("2025-10-15"), "2025-10-15");
  EXPECT_EQ(form_date("1979 年 12 月"), "1979-12");
  EXPECT_EQ(form_date("1979.12"), "1979-12");
  EXPECT_EQ(form_date("2025 年 13 月 1 日"), std::nullopt);
  EXPECT_EQ(form_date("十月"), std::nullopt);
  EXPECT_EQ(form_date("2025"), std::nullopt);
}

TEST(DocxForm, Boxes) {
  EXPECT_EQ(box_after("☑"), true);
  EXPECT_EQ(box_after(" ☒"), true);
  EXPECT_EQ(box_after("√"), true);
  EXPECT_EQ(box_after("（√）"), true);
  EXPECT_EQ(box_after("( x )"), true);
  EXPECT_EQ(box_after("☐"), false);
  EXPECT_EQ(box_after("□　否"), false);
  EXPECT_EQ(box_after("（ ）"), false);
  EXPECT_EQ(box_after("，"), std::nullopt);
  EXPECT_EQ(box_after(""), std::nullopt);
}

TEST(DocxForm, ValuesAfterLabelsOnLines) {
  const std::vector<Block> blocks{
      para("附件 2", 1),
      para("立 项 编 号：\tBZ25YB108", 2),
      para("项目名称：提升城市品质 ____", 3),
      para("项目负责人（签字）", 4),
      para("项目负责人\t\t胡明", 5),
      para("所在单位：", 6),
  };
  const FormText f(blocks);
  EXPECT_EQ(f.after_label("立项编号")->text, "BZ25YB108");
  EXPECT_EQ(f.after_label("立项编号")->paragraph, 2);
  EXPECT_EQ(f.after_label("项目名称")->text, "提升城市品质");
  // Not 「（签字）」: the label must end where it ends.
  EXPECT_EQ(f.after_label("项目负责人")->text, "胡明");
  EXPECT_EQ(f.after_label("项目负责人")->paragraph, 5);
  EXPECT_EQ(f.after_label("所在单位")->text, "");  // on the form, left blank
  EXPECT_FALSE(f.after_label("填表日期"));         // not on the form
}

TEST(DocxForm, ValuesInTablesAndTicks) {
  Table cover;
  cover.index = 10;
  cover.rows.push_back({{cell("立项编号：", 10), cell("BZ25YB119", 11)}, false});
  cover.rows.push_back({{cell("项 目 类 别", 12), cell("", 13), cell("一般课题", 14)}, false});
  Table changes;
  changes.index = 20;
  changes.rows.push_back({{cell("是否变更", 20), cell("A、是☐　B、否☑", 21), cell("变更的内容", 22)}, false});
  const std::vector<Block> blocks{cover, changes,
                                  para("成果是否涉及敏感问题或其他不宜公开出版的内容：是（ ）　否（√）", 30),
                                  para("成果是否涉密：是☑　否☑", 31), para("成果是否公开：是　否", 32)};
  const FormText f(blocks);
  EXPECT_EQ(f.after_label("立项编号")->text, "BZ25YB119");
  EXPECT_EQ(f.after_label("立项编号")->paragraph, 11);
  EXPECT_EQ(f.after_label("项目类别")->text, "一般课题");
  EXPECT_EQ(f.table_with("是否变更"), &std::get<Table>(blocks[1]));
  const std::array<std::string_view, 2> yes_no{"是", "否"};
  const auto changed = f.ticked("是否变更", yes_no);
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->index, 1);
  EXPECT_EQ(changed->paragraph, 21);
  EXPECT_EQ(f.ticked("成果是否涉及敏感问题或其他不宜公开出版的内容", yes_no)->index, 1);
  EXPECT_EQ(f.ticked("成果是否涉密", yes_no)->index, -2);  // both ticked
  EXPECT_FALSE(f.ticked("成果是否公开", yes_no));          // no boxes at all
}

TEST(DocxForm, ABlankFieldDoesNotTakeTheNextLabel) {
  Table t;
  t.index = 40;
  t.rows.push_back({{cell("原计划成果形式", 40), cell("", 41), cell("现成果形式", 42), cell("论文", 43)}, false});
  const std::vector<Block> blocks{t, para("项目负责人：\t所在单位：巴中市委党校", 50)};
  const FormText f(blocks, {"原计划成果形式", "现成果形式", "项目负责人", "所在单位"});
  EXPECT_EQ(f.after_label("原计划成果形式")->text, "");
  EXPECT_EQ(f.after_label("现成果形式")->text, "论文");
  EXPECT_EQ(f.after_label("项目负责人")->text, "");
  EXPECT_EQ(f.after_label("所在单位")->text, "巴中市委党校");
  EXPECT_TRUE(f.is_label("所 在 单 位："));
  EXPECT_FALSE(f.is_label("所在单位（盖章）"));
}

TEST(DocxForm, AMarkBelongsToTheWordItFollows) {
  const std::vector<Block> blocks{para("成果是否涉密：是√　否", 1), para("是否变更：是　否√", 2),
                                  para("成果是否涉及敏感问题：√是　否", 3), para("成果是否公开：是☑　否□", 4)};
  const FormText f(blocks);
  const std::array<std::string_view, 2> yes_no{"是", "否"};
  EXPECT_EQ(f.ticked("成果是否涉密", yes_no)->index, 0);
  EXPECT_EQ(f.ticked("是否变更", yes_no)->index, 1);
  EXPECT_EQ(f.ticked("成果是否涉及敏感问题", yes_no)->index, 0);  // a mark before its word
  EXPECT_EQ(f.ticked("成果是否公开", yes_no)->index, 0);
}
