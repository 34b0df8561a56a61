from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy

from gongkai.core.antispam import ProtectedForm
from gongkai.core.lookup import clean_phone
from gongkai.core.uploads import validate_public_upload

from .models import ConsultationComment, Message


class MessageForm(ProtectedForm, forms.ModelForm):
    attachment = forms.FileField(
        label=gettext_lazy("附件（可选）"), required=False, validators=[validate_public_upload],
        help_text=gettext_lazy("如照片或材料的扫描件；PDF、JPG 或 PNG，不超过 5 MB；附件不会公开"))

    class Meta:
        model = Message
        fields = ["category", "subject", "content", "attachment", "name", "phone", "email", "consent_to_publish"]
        widgets = {
            "category": forms.RadioSelect,
            "content": forms.Textarea(attrs={"rows": 8, "maxlength": 3000}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {"consent_to_publish": gettext_lazy("勾选后，留言和答复可能在去除个人信息后公开，供其他人参考")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [c for c in self.fields["category"].choices if c[0]]
        self.fields["content"].validators.append(MaxLengthValidator(3000))

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])


class CommentForm(ProtectedForm, forms.ModelForm):
    class Meta:
        model = ConsultationComment
        fields = ["content", "name", "contact"]
        widgets = {"content": forms.Textarea(attrs={"rows": 8, "maxlength": 5000})}
        help_texts = {"name": gettext_lazy("可不填"), "contact": gettext_lazy("可不填；填写后便于我们就您的意见联系您，不会公开")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content"].validators.append(MaxLengthValidator(5000))
