"""Reports: the versioned JSON form, HTML, PDF, redaction and the support bundle.

    json_report   build_report, dumps, write_json, load_json (safe against hostile files)
    html          render_html(report, redactor, *, redact_identities, expand_all) -> str
    pdf           render_pdf(report, redactor, path, *, redact_identities) -> notes
    bundle        write_bundle / bundle_bytes: .zip with JSON, HTML, run log, manifest
    diff          diff_reports, format_diff (`report diff`)
    redact_identities  IdentityMap, redact_identities: the optional redaction level
    scrub         map_strings, scrub_secrets: the walk every redaction uses
    priorities    first_actions: "what to do first", ranked by impact
    export        ExportRequest, write_exports: what the CLI writes
    atomic        atomic_write_bytes/text: the one way any of them touches disk

The format is documented in docs/report-format.md.
"""
