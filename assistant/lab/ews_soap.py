"""EWS SOAP as Exchange writes it: envelopes, response messages, faults and the
elements the lab's operations return (m: messages, t: types, e: errors namespaces,
following Microsoft's protocol documents). Pure functions of their arguments."""

from __future__ import annotations

import datetime as dt
import hashlib
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree

from assistant.lab.ews_mailboxes import Folder, LabMailbox, Meeting, folder_id

SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
M_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"
T_NS = "http://schemas.microsoft.com/exchange/services/2006/types"
E_NS = "http://schemas.microsoft.com/exchange/services/2006/errors"


class SoapRequestError(ValueError):
    """A request this lab server cannot read; answered as a schema validation fault."""


def parse_envelope(body: bytes) -> tuple[str, Element]:
    if not body:
        raise SoapRequestError("The request body is empty.")
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise SoapRequestError(f"The request is not well-formed XML: {exc}") from None
    soap_body = root.find(f"{{{SOAP_NS}}}Body")
    if root.tag != f"{{{SOAP_NS}}}Envelope" or soap_body is None or len(soap_body) == 0:
        raise SoapRequestError("The request is not a SOAP 1.1 envelope with a body.")
    payload = soap_body[0]
    namespace, _, name = payload.tag[1:].partition("}")
    if namespace != M_NS:
        raise SoapRequestError(f"The element '{name}' is not in the messages namespace.")
    return name, payload


def response(operation: str, messages: str) -> str:
    return (
        f'<m:{operation}Response xmlns:m="{M_NS}" xmlns:t="{T_NS}">'
        f"<m:ResponseMessages>{messages}</m:ResponseMessages></m:{operation}Response>"
    )


def message(
    operation: str, response_class: str, code: str, text: str | None = None, *, inner: str = ""
) -> str:
    parts = [f"<m:{operation}ResponseMessage ResponseClass={quoteattr(response_class)}>"]
    if text is not None:
        parts.append(f"<m:MessageText>{escape(text)}</m:MessageText>")
    parts.append(f"<m:ResponseCode>{code}</m:ResponseCode>")
    if response_class != "Success":
        parts.append("<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>")
    parts.append(inner)
    parts.append(f"</m:{operation}ResponseMessage>")
    return "".join(parts)


def access_denied(operation: str) -> str:
    name = operation.removesuffix("Request")
    reply = message(
        name, "Error", "ErrorAccessDenied", "Access is denied. Check credentials and try again."
    )
    if operation.endswith("Request"):  # the availability/OOF family has no ResponseMessages
        return (
            f'<{name}Response xmlns="{M_NS}"><ResponseMessage ResponseClass="Error">'
            "<MessageText>Access is denied. Check credentials and try again.</MessageText>"
            "<ResponseCode>ErrorAccessDenied</ResponseCode>"
            "<DescriptiveLinkKey>0</DescriptiveLinkKey></ResponseMessage></"
            f"{name}Response>"
        )
    return response(name, reply)


def fault(code: str, message: str, detail_xml: str = "") -> str:
    return (
        "<s:Fault>"
        f'<faultcode xmlns:a="{T_NS}">a:{code}</faultcode>'
        f'<faultstring xml:lang="en-US">{escape(message)}</faultstring>'
        "<detail>"
        f'<e:ResponseCode xmlns:e="{E_NS}">{code}</e:ResponseCode>'
        f'<e:Message xmlns:e="{E_NS}">{escape(message)}</e:Message>'
        f"{detail_xml}</detail></s:Fault>"
    )


def server_busy_fault(back_off_ms: int) -> str:
    return fault(
        "ErrorServerBusy",
        "The server cannot service this request right now. Try again later.",
        f'<t:MessageXml xmlns:t="{T_NS}">'
        f'<t:Value Name="BackOffMilliseconds">{back_off_ms}</t:Value></t:MessageXml>',
    )


def folder_xml(box: LabMailbox, folder: Folder) -> str:
    change_key = "AQAAABYAAAA" + hashlib.sha256(folder.name.encode()).hexdigest()[:12]
    parts = [
        "<t:Folder>",
        f'<t:FolderId Id="{folder_id(box.address, folder.name)}" ChangeKey="{change_key}"/>',
    ]
    if folder.parent is not None:
        parent_id = folder_id(box.address, folder.parent)
        parts.append(f'<t:ParentFolderId Id="{parent_id}" ChangeKey="{change_key}"/>')
    if folder.folder_class is not None:
        parts.append(f"<t:FolderClass>{folder.folder_class}</t:FolderClass>")
    parts.append(f"<t:DisplayName>{escape(folder.display_name)}</t:DisplayName>")
    parts.append(f"<t:TotalCount>{folder.total}</t:TotalCount>")
    parts.append(f"<t:ChildFolderCount>{folder.children}</t:ChildFolderCount>")
    parts.append(f"<t:UnreadCount>{folder.unread}</t:UnreadCount>")
    parts.append("</t:Folder>")
    return "".join(parts)


def resolution_xml(box: LabMailbox) -> str:
    given, _, surname = box.display_name.partition(" ")
    return (
        "<t:Resolution><t:Mailbox>"
        f"<t:Name>{escape(box.display_name)}</t:Name>"
        f"<t:EmailAddress>{escape(box.address)}</t:EmailAddress>"
        "<t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType>"
        "</t:Mailbox><t:Contact>"
        f"<t:DisplayName>{escape(box.display_name)}</t:DisplayName>"
        f"<t:GivenName>{escape(given)}</t:GivenName><t:Surname>{escape(surname)}</t:Surname>"
        '<t:EmailAddresses><t:Entry Key="EmailAddress1">'
        f"SMTP:{escape(box.address)}</t:Entry></t:EmailAddresses>"
        "<t:ContactSource>ActiveDirectory</t:ContactSource>"
        "</t:Contact></t:Resolution>"
    )


def parse_time(text: str | None) -> dt.datetime:
    if not text:
        raise SoapRequestError("TimeWindow needs StartTime and EndTime")
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise SoapRequestError(f"'{text}' is not a dateTime") from None
    return value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone(dt.UTC)


_FREE_BUSY_DIGITS = {"Free": 0, "Tentative": 1, "Busy": 2, "OOF": 3}


def _meetings_between(
    box: LabMailbox, start: dt.datetime, end: dt.datetime
) -> list[tuple[dt.datetime, dt.datetime, Meeting]]:
    naive_start = start.replace(tzinfo=None)
    naive_end = end.replace(tzinfo=None)
    out = []
    day = naive_start.replace(hour=0, minute=0, second=0, microsecond=0)
    while day < naive_end:
        for meeting in box.meetings:
            m_start = day + dt.timedelta(hours=meeting.start_hour)
            m_end = day + dt.timedelta(hours=meeting.end_hour)
            if m_start < naive_end and m_end > naive_start:
                out.append((m_start, m_end, meeting))
        day += dt.timedelta(days=1)
    return out


def free_busy_view_xml(
    box: LabMailbox, start: dt.datetime, end: dt.datetime, interval: int, view: str
) -> str:
    naive_start, naive_end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    meetings = _meetings_between(box, start, end)
    digits = []
    slot = naive_start
    step = dt.timedelta(minutes=max(interval, 5))
    while slot < naive_end:
        slot_end = slot + step
        busy = [_FREE_BUSY_DIGITS[m.busy_type] for s, e, m in meetings if s < slot_end and e > slot]
        digits.append(str(max(busy, default=0)))
        slot = slot_end
    events = "".join(
        "<CalendarEvent>"
        f"<StartTime>{s.strftime('%Y-%m-%dT%H:%M:%S')}</StartTime>"
        f"<EndTime>{e.strftime('%Y-%m-%dT%H:%M:%S')}</EndTime>"
        f"<BusyType>{m.busy_type}</BusyType>"
        "<CalendarEventDetails>"
        f"<ID>{folder_id(box.address, s.isoformat())}</ID>"
        f"<Subject>{escape(m.subject)}</Subject><Location/>"
        "<IsMeeting>true</IsMeeting><IsRecurring>true</IsRecurring>"
        "<IsException>false</IsException><IsReminderSet>true</IsReminderSet>"
        "<IsPrivate>false</IsPrivate></CalendarEventDetails>"
        "</CalendarEvent>"
        for s, e, m in meetings
    )
    merged = ""
    if "Merged" in view:
        merged = f'<MergedFreeBusy xmlns="{T_NS}">{"".join(digits)}</MergedFreeBusy>'
    return (
        f'<FreeBusyView><FreeBusyViewType xmlns="{T_NS}">{escape(view)}</FreeBusyViewType>'
        f'{merged}<CalendarEventArray xmlns="{T_NS}">{events}</CalendarEventArray>'
        f"{_WORKING_HOURS}</FreeBusyView>"
    )


# Monday to Friday, 08:00-17:00 UTC; the time zone block is what Exchange sends for UTC.
_WORKING_HOURS = (
    f'<WorkingHours xmlns="{T_NS}"><TimeZone><Bias>0</Bias>'
    "<StandardTime><Bias>0</Bias><Time>02:00:00</Time><DayOrder>5</DayOrder>"
    "<Month>10</Month><DayOfWeek>Sunday</DayOfWeek></StandardTime>"
    "<DaylightTime><Bias>0</Bias><Time>01:00:00</Time><DayOrder>5</DayOrder>"
    "<Month>3</Month><DayOfWeek>Sunday</DayOfWeek></DaylightTime></TimeZone>"
    "<WorkingPeriodArray><WorkingPeriod>"
    "<DayOfWeek>Monday Tuesday Wednesday Thursday Friday</DayOfWeek>"
    "<StartTimeInMinutes>480</StartTimeInMinutes><EndTimeInMinutes>1020</EndTimeInMinutes>"
    "</WorkingPeriod></WorkingPeriodArray></WorkingHours>"
)
