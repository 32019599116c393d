"""The moderation actions of the reply queue in the Wagtail admin: approve, restore and remove
(with the reason the author receives), each coming back to the tab the editor came from.

The views only check and route; `dialogues.moderation` decides what approving, removing and
restoring mean (and whom to e-mail).
"""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from dialogues.exceptions import ReplyRefused
from dialogues.forms import RemoveReplyForm
from dialogues.models import Reply
from dialogues.moderation import approve_reply, remove_reply, restore_reply


class ReplyActionMixin(PermissionCheckedMixin):
    """Finds the reply and knows where to go back to: the tab the editor came from."""

    model = Reply
    permission_required = "change"
    index_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.reply = get_object_or_404(Reply.objects.select_related("user"), pk=kwargs["pk"])
        self.next_url = get_valid_next_url_from_request(request)

    def get_success_url(self):
        return self.next_url or reverse(self.index_url_name)

    def already_judged(self):
        messages.warning(
            self.request,
            _(
                "Deze reactie is intussen al beoordeeld. "
                "In de lijst zie je hoe hij er nu voor staat."
            ),
        )
        return redirect(self.get_success_url())


class ApproveReplyView(ReplyActionMixin, View):
    """Let a held reply appear, or keep a reported one and close its reports."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        reply = self.reply
        if reply.is_removed:
            return self.already_judged()
        was_held = reply.is_held
        approve_reply(reply=reply, editor=request.user)
        if was_held:
            message = _("De reactie van %(author)s is goedgekeurd en staat nu online.")
        else:
            message = _(
                "De meldingen over de reactie van %(author)s zijn afgehandeld; "
                "de reactie blijft staan."
            )
        messages.success(request, message % {"author": reply.author_name})
        return redirect(self.get_success_url())


class RestoreReplyView(ReplyActionMixin, View):
    """Bring a removed reply back."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        reply = self.reply
        if not reply.is_removed or not reply.comment:
            return self.already_judged()
        restore_reply(reply=reply, editor=request.user)
        messages.success(
            request,
            _("De reactie van %(author)s is teruggezet en staat weer online.")
            % {"author": reply.author_name},
        )
        return redirect(self.get_success_url())


class RemoveReplyView(ReplyActionMixin, WagtailAdminTemplateMixin, FormView):
    """Ask for the reason (which the author receives by e-mail), then remove the reply."""

    form_class = RemoveReplyForm
    template_name = "dialogues/admin/confirm_remove.html"
    page_title = gettext_lazy("Reactie verwijderen")
    header_icon = "bin"

    def get(self, request, *args, **kwargs):
        if self.reply.is_removed:
            return self.already_judged()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.reply.is_removed:
            return self.already_judged()
        return super().post(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.reply)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.get_success_url(), "label": _("Reacties")},
            {
                "url": "",
                "label": self.get_page_title(),
                "sublabel": self.get_page_subtitle(),
            },
        ]

    def form_valid(self, form):
        reply = self.reply
        try:
            remove_reply(
                reply=reply,
                editor=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ReplyRefused as refusal:
            form.add_error("reason", str(refusal))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("De reactie van %(author)s is verwijderd; de schrijver krijgt de reden per e-mail.")
            % {"author": reply.author_name},
        )
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(reply=self.reply, next=self.next_url, cancel_url=self.get_success_url())
        return context
