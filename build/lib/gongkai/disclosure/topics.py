"""The 主题分类 used by gov.cn's 政府信息公开目录, loaded as the default taxonomy (editors can change it)."""

DEFAULT_TOPICS = [
    ("01", "国务院组织机构"),
    ("02", "综合政务"),
    ("03", "国民经济管理、国有资产监管"),
    ("04", "财政、金融、审计"),
    ("05", "国土资源、能源"),
    ("06", "农业、林业、水利"),
    ("07", "工业、交通"),
    ("08", "商贸、海关、旅游"),
    ("09", "市场监管、安全生产监管"),
    ("10", "城乡建设、环境保护"),
    ("11", "科技、教育"),
    ("12", "文化、广电、新闻出版"),
    ("13", "卫生、体育"),
    ("14", "人口与计划生育、妇女儿童工作"),
    ("15", "劳动、人事、监察"),
    ("16", "公安、安全、司法"),
    ("17", "民政、扶贫、救灾"),
    ("18", "民族、宗教"),
    ("19", "对外事务"),
    ("20", "港澳台侨工作"),
    ("21", "国防"),
    ("22", "其他"),
]


def ensure_default_topics(locale):
    """Create the default topics that are missing in a locale; never touches existing ones."""
    from .models import TopicCategory

    created = 0
    for position, (code, name) in enumerate(DEFAULT_TOPICS, start=1):
        _topic, was_created = TopicCategory.objects.get_or_create(
            locale=locale, code=code, defaults={"name": name, "sort_order": position}
        )
        created += was_created
    return created
