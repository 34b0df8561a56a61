"""Suggesting a document's 主题分类 (the 国务院公文主题分类 of topics.DEFAULT_TOPICS) from its title, issuer and 文种.

The rules are plain data so an editor can read them (管理后台 → 公开目录 → 主题分类规则) and a developer can change
them. A suggestion is only a suggestion: the document records why it was made, and an editor confirms it or picks
another topic. Each rule names words; the topic whose words are found most often in the title wins (a word in the
issuer counts half), the earlier rule winning a tie, so more specific words are listed before general ones
(社会保险 before 保险, 军人抚恤 before 军人).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import DocumentType


@dataclass(frozen=True)
class Rule:
    code: str
    words: tuple


RULES = [
    Rule("15", ("社会保险", "养老保险", "失业保险", "工伤保险", "医疗保险", "劳动", "就业", "工资", "公务员", "人事",
                "事业单位", "监察", "职称", "专业技术职务", "技师", "退休", "福利费", "干部", "职工", "人力资源", "社会保障基金", "国家机关工作人员", "病假", "工人考核", "童工", "尘肺病", "劳务")),
    Rule("17", ("军人抚恤", "退役军人", "优抚", "民政", "社会救助", "救灾", "慈善", "社会组织", "民办非企业", "社会团体", "基金会",
                "殡葬", "婚姻", "收养", "行政区划", "地名", "扶贫", "残疾人", "志愿服务", "养老机构", "流浪乞讨", "烈士", "褒扬", "自然灾害", "行政区域", "退役士兵", "红十字")),
    Rule("20", ("香港", "澳门", "台湾", "华侨", "侨务", "归侨")),
    Rule("18", ("民族", "宗教", "清真")),
    Rule("19", ("外交", "领事", "外国", "国际", "条约", "驻外", "对外援助", "对外关系", "对外公务")),
    Rule("21", ("国防", "军事", "军队", "军人", "军官", "兵役", "民兵", "人民防空", "军用", "解放军", "征兵", "武器装备",
                "军工", "军民", "预备役", "军服")),
    Rule("16", ("公安", "警察", "警衔", "治安", "消防", "枪支", "出境入境", "出入境", "户口", "身份证", "居住证",
                "道路交通安全", "监狱", "律师", "公证", "仲裁", "法律援助", "司法", "国家安全", "反恐", "禁毒", "戒毒",
                "看守所", "刀具", "人民调解", "保守国家秘密", "保密", "反间谍", "网络安全", "信息基础设施", "武装警察",
                "爆炸物品", "犯罪", "个人信息", "情报", "密码", "保安", "公共安全", "社区矫正", "海警", "群众性活动", "数据安全", "国家赔偿", "护照", "境外非政府组织", "拘留所", "易制毒", "监控化学品", "核材料", "计算机信息系统安全", "诉讼费用", "集会游行", "航行警告")),
    Rule("13", ("卫生", "医疗", "医院", "医师", "疾病", "传染病", "疫苗", "血液", "献血", "母婴", "精神卫生", "中医",
                "体育", "职业病", "健康", "器官", "护士", "艾滋病", "突发公共卫生", "全民健身", "兴奋剂", "乡村医生", "生物安全", "血吸虫", "碘缺乏", "动物疫情", "实验动物")),
    Rule("14", ("计划生育", "人口", "妇女", "儿童", "未成年人")),
    Rule("12", ("文化", "文物", "广播", "电视", "电影", "出版", "印刷", "音像", "著作权", "图书馆", "博物馆", "新闻",
                "上网服务", "娱乐场所", "营业性演出", "非物质文化遗产", "卫星地面接收", "语言文字", "工艺美术", "信息网络传播权", "长城", "考古", "国徽")),
    Rule("11", ("科学技术", "科技", "技术", "教育", "学校", "学位", "教师", "高等", "职业教育", "科研", "专利",
                "知识产权", "气象", "地震", "自然科学", "研究", "植物新品种", "技术合同", "成果转化", "标志保护", "防震", "天气", "幼儿园", "校车", "扫除文盲", "教学", "行政学院", "计算机软件", "集成电路", "稀土")),
    Rule("09", ("市场监督", "产品质量", "食品安全", "食品", "药品", "医疗器械", "化妆品", "计量", "标准化", "认证认可",
                "特种设备", "安全生产", "危险化学品", "工商", "企业登记", "市场主体", "商标", "广告", "烟花爆竹",
                "反不正当竞争", "公平竞争", "反垄断", "个体工商户", "无证无照", "质量", "价格违法", "消费者", "企业名称", "企业法人", "公司登记", "企业信息公示", "牟取暴利", "经营者集中", "地区封锁", "安全事故", "煤矿", "传销", "摊派", "经济检查", "特殊标志", "烟草专卖", "食盐")),
    Rule("08", ("海关", "进出口", "出口", "进口", "外商投资", "中外合资", "中外合作", "外资", "旅游", "商业", "拍卖",
                "直销", "对外贸易", "反倾销", "反补贴", "保障措施", "口岸", "商务", "对外承包", "边境贸易", "导游", "旅行社", "对外劳务")),
    Rule("04", ("财政", "税", "预算", "国债", "金融", "银行", "保险", "证券", "期货", "外汇", "审计", "会计", "彩票",
                "发票", "货币", "人民币", "政府采购", "信贷", "存款", "融资", "资金", "储蓄", "债券", "股票", "股份", "上市", "国库", "金库", "征信", "现金", "票据", "罚款", "收费", "罚没", "非法集资", "私募投资基金", "金银")),
    Rule("03", ("统计", "价格", "国有资产", "发展规划", "物资储备", "国有企业", "经济普查", "全民所有制", "企业国有",
                "国民经济", "宏观调控", "招标投标", "承包经营", "储备", "重点建设项目", "中小企业", "集体所有制企业", "中介机构", "投资开发", "政府投资", "楼堂馆所")),
    Rule("05", ("土地", "矿产", "矿山", "测绘", "地质", "电力", "能源", "煤炭", "石油", "天然气", "海域", "海洋", "不动产",
                "资源", "节约用电", "核电", "电网", "古生物化石", "地图", "海岛", "节能", "探矿权", "采矿权", "基本农田")),
    Rule("06", ("农业", "农民", "农村", "农作物", "种子", "兽医", "动物防疫", "畜牧", "畜禽", "渔业", "森林", "林业",
                "草原", "水利", "水土保持", "河道", "防汛", "抗旱", "水文", "灌溉", "植物检疫", "农药", "饲料", "农产品",
                "粮食", "蓄滞洪", "水库", "取水", "生猪", "耕地", "防沙治沙", "黄河", "长江", "流域", "地下水", "南水北调", "古树名木", "植树", "兽药", "退耕还林")),
    Rule("07", ("工业", "铁路", "公路", "航空", "港口", "航道", "船舶", "船员", "邮政", "电信", "无线电", "汽车",
                "机动车", "运输", "内河", "机场", "通信", "航运", "海运", "交通", "民用", "快递", "航标", "车船", "打捞", "沉船", "海底电缆", "互联网信息服务", "飞行", "废弃电器电子产品")),
    Rule("10", ("城市", "城乡规划", "城镇", "建设工程", "建筑", "房屋", "住房", "物业", "环境", "污染", "环保",
                "排污", "固体废物", "大气", "自然保护区", "野生", "风景名胜", "市政", "供水", "节水", "排水", "燃气",
                "放射性", "核安全", "生态", "园林", "拆迁", "征收", "危险废物", "臭氧层", "碳排放", "节约用水", "村庄", "集镇")),
    Rule("01", ("国务院组织", "机构设置", "编制", "行政机构")),
    Rule("02", ("信息公开", "政务", "信访", "公文", "行政许可", "行政复议", "行政处罚", "行政强制", "立法", "备案",
                "档案", "年节", "放假", "规章制定", "行政法规制定", "法规", "政府工作报告", "工作报告", "全国人民代表大会", "议事规则", "礼品", "突发事件", "地方志", "参事", "督查", "机关事务", "行政决策")),
]

# Kinds of document whose topic is the government's own work when nothing in the title says otherwise.
TYPE_FALLBACK = {DocumentType.NORMATIVE_DOCUMENT: "02"}
UNCLASSIFIED = "22"  # 其他


@dataclass(frozen=True)
class Suggestion:
    code: str
    reason: str


def suggest_topic(title, issuer="", document_type=""):
    """The topic code the rules suggest, and why, in words an editor reads in the admin."""
    title, issuer = title or "", issuer or ""
    best, best_score, best_words = None, 0.0, []
    for rule in RULES:
        found = [word for word in rule.words if word in title]
        in_issuer = [word for word in rule.words if word in issuer and word not in found]
        score = len(found) + 0.5 * len(in_issuer)
        if score > best_score:
            best, best_score, best_words = rule, score, (found, in_issuer)
    if best is not None:
        found, in_issuer = best_words
        parts = []
        if found:
            parts.append(_("标题含“%(words)s”") % {"words": "”“".join(found)})
        if in_issuer:
            parts.append(_("发布机构含“%(words)s”") % {"words": "”“".join(in_issuer)})
        return Suggestion(best.code, "；".join(str(part) for part in parts))
    if document_type in TYPE_FALLBACK:
        return Suggestion(TYPE_FALLBACK[document_type], str(_("文种为%(type)s") % {"type": DocumentType(document_type).label}))
    return Suggestion(UNCLASSIFIED, str(_("标题和发布机构中没有可归类的词")))


def rules_table():
    """The rules as the admin shows them: each topic with its words, in the order they are tried."""
    from .topics import DEFAULT_TOPICS

    names = dict(DEFAULT_TOPICS)
    return [{"code": rule.code, "name": names.get(rule.code, rule.code), "words": rule.words} for rule in RULES]
