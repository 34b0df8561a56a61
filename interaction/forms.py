from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.antispam import ProtectedForm

from .models import ConsultationComment, Message


class MessageForm(ProtectedForm, forms.ModelForm):
    class Meta:
        model = Message
        fields = ["category", "subject", "content", "name", "phone", "email", "consent_to_publish"]
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
        phone = self.cleaned_data["phone"].strip()
        if sum(ch.isdigit() for ch in phone) < 7 or any(ch not in "0123456789-+() " for ch in phone):
            raise forms.ValidationError(_("请填写有效的电话号码"))
        return phone


class StatusForm(forms.Form):
    tracking_number = forms.CharField(label=gettext_lazy("查询号"), max_length=20)
    phone_last_four = forms.CharField(label=gettext_lazy("联系电话后四位"), min_length=4, max_length=4,
                                      widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))

    def clean_tracking_number(self):
        return "".join(self.cleaned_data["tracking_number"].split()).upper()


class CommentForm(ProtectedForm, forms.ModelForm):
    class Meta:
        model = ConsultationComment
        fields = ["content", "name", "contact"]
        widgets = {"content": forms.Textarea(attrs={"rows": 8, "maxlength": 5000})}
        help_texts = {"name": gettext_lazy("可不填"), "contact": gettext_lazy("可不填；填写后便于我们就您的意见联系您，不会公开")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content"].validators.append(MaxLengthValidator(5000))
