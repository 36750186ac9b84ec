"""The feedback form on the accessibility statement."""

from django import forms
from django.utils.translation import gettext_lazy as _

from smolyan_portal.models import Feedback
from smolyan_portal.text import multi_line, single_line


class FeedbackForm(forms.ModelForm):
    """What a visitor tells us about an accessibility problem; only the message is required."""

    class Meta:
        model = Feedback
        fields = ["message", "page_url", "name", "email"]
        labels = {
            "message": _("Your message"),
            "page_url": _("Page with the problem (optional)"),
            "name": _("Your name (optional)"),
            "email": _("Your e-mail address (optional)"),
        }
        help_texts = {
            "message": _(
                "Describe the problem, or the content you need in an accessible form. "
                "At most 5,000 characters."
            ),
            "page_url": _("Its address or title, if the problem is on one page."),
            "email": _("Only if you would like an answer."),
        }
        error_messages = {
            "message": {"required": _("Please write your message.")},
            "email": {"invalid": _("Enter an e-mail address such as name@example.com.")},
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def clean_message(self):
        message = multi_line(self.cleaned_data["message"]).strip()
        if not message:
            raise forms.ValidationError(_("Please write your message."), code="required")
        return message

    def clean_name(self):
        return single_line(self.cleaned_data["name"])

    def clean_page_url(self):
        return single_line(self.cleaned_data["page_url"])
