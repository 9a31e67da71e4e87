import pytest

from lianzheng_desktop.app.reports import write_report
from lianzheng_desktop.core.report_model import ReportPeriod

# Section 二 as a secretary writes it (no figures, so its lines are all full-width): the
# layout tests count characters per line on it as well as on the drafted sections.
OWN_WORDS = {"二、个人廉洁自律情况": (
    "本人始终把纪律和规矩挺在前面，严格遵守中央八项规定及其实施细则精神，自觉按照规定报告个人"
    "有关事项，没有违规收送礼品礼金、违规使用公车和违规吃喝等问题。严格要求家属子女和身边工作人"
    "员，注重家庭家教家风建设，自觉接受组织和群众监督。\n"
    "在日常工作中，本人坚持民主集中制，重大事项集体研究决定，不搞个人说了算，自觉维护班子团结，"
    "带头落实谈心谈话制度，经常与班子成员和党员干部交流思想，及时提醒苗头性倾向性问题。")}


@pytest.fixture
def q3_pdf(demo_store, tmp_path):
    path = tmp_path / "2022Q3.pdf"
    write_report(demo_store, ReportPeriod(2022, 3), path, texts=OWN_WORDS)
    return path
