"""The 政府信息公开目录's models, one module per page type: documents with their metadata and the 主题分类 taxonomy,
and the 政策解读 that explain them."""

from .documents import (  # noqa: F401
    UNCLASSIFIED_CODE,
    DocumentPage,
    DocumentType,
    IndexNumberSequence,
    TopicCategory,
    TopicSerializer,
    Validity,
)
from .interpretations import (  # noqa: F401
    MATERIAL_FORMS,
    PRODUCT_FORMS,
    InterpretationForm,
    InterpretationPage,
    InterpretedDocument,
)
