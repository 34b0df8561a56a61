from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.antispam import ProtectedForm
from gongkai.core.lookup import clean_phone
from gongkai.core.uploads import validate_public_upload

from .models import ApplicantType, DeliveryMethod, IdType, InformationRequest

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"


def valid_resident_id(number):
    """GB 11643: 17 digits and a check character."""
    if len(number) != 18 or not (number[:17].isascii() and number[:17].isdigit()):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], ID_WEIGHTS))
    return ID_CHECK[total % 11] == number[17].upper()


class ApplicationForm(ProtectedForm, forms.ModelForm):
    """The content 第二十九条 requires: who asks, their identity and contact, what they want, in what form."""

    attachment = forms.FileField(
        label=gettext_lazy("附件（可选）"), required=False, validators=[validate_public_upload],
        help_text=gettext_lazy("如身份证明的扫描件；PDF、JPG 或 PNG，不超过 5 MB"))

    class Meta:
        model = InformationRequest
        fields = ["applicant_type", "name", "contact_person", "id_type", "id_number", "phone", "email", "address",
                  "postcode", "description", "delivery_form", "delivery_method", "attachment"]
        widgets = {
            "applicant_type": forms.RadioSelect, "delivery_form": forms.RadioSelect, "delivery_method": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 6}),
            "id_number": forms.TextInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "address": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
        }
        help_texts = {
            "name": gettext_lazy("自然人填姓名，法人或其他组织填全称"),
            "description": gettext_lazy("请写明所需政府信息的名称、文号，或者便于查询的其他特征性描述"),
            "contact_person": gettext_lazy("法人或其他组织申请时必填"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["id_number"].max_length = 40
        self.fields["id_number"].widget.attrs["maxlength"] = 40
        self.fields["description"].validators.append(MaxLengthValidator(5000))
        self.fields["description"].widget.attrs["maxlength"] = 5000
        for name in ("applicant_type", "delivery_form", "delivery_method"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]

    def clean_id_number(self):
        number = "".join(self.cleaned_data["id_number"].split()).upper()
        if len(number) > 40:
            raise forms.ValidationError(_("证件号码太长"))
        return number

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("applicant_type")
        if kind and kind != ApplicantType.NATURAL and not cleaned.get("contact_person"):
            self.add_error("contact_person", _("法人或其他组织申请时请填写联系人"))
        if cleaned.get("id_type") == IdType.RESIDENT and cleaned.get("id_number") and not valid_resident_id(cleaned["id_number"]):
            self.add_error("id_number", _("居民身份证号码不正确，请核对"))
        method = cleaned.get("delivery_method")
        if method == DeliveryMethod.EMAIL and not cleaned.get("email"):
            self.add_error("email", _("选择电子邮件方式时请填写电子邮箱"))
        if method == DeliveryMethod.POST and not cleaned.get("address"):
            self.add_error("address", _("选择邮寄方式时请填写通信地址"))
        return cleaned
