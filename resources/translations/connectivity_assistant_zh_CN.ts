<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdvancedOptions</name>
    <message>
        <source>Give the proxy as http://host:port</source>
        <translation>请按 http://主机:端口 的格式填写代理</translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation>此路径下没有文件。</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>DNS &amp;servers:</source>
        <translation>DNS 服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>HTTP &amp;proxy:</source>
        <translation>HTTP 代理(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;A bundle:</source>
        <translation>CA 证书包(&amp;A)：</translation>
    </message>
    <message>
        <source>Connect-&amp;to overrides:</source>
        <translation>连接重定向(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Timeout per operation:</source>
        <translation>单次操作超时(&amp;T)：</translation>
    </message>
    <message>
        <source>Deadline per chec&amp;k:</source>
        <translation>单项检查时限(&amp;K)：</translation>
    </message>
    <message>
        <source>system resolvers; or e.g. 192.0.2.53, 192.0.2.54:5353</source>
        <translation>使用系统解析器；或填写如 192.0.2.53, 192.0.2.54:5353</translation>
    </message>
    <message>
        <source>none; or e.g. http://proxy.contoso.com:8080</source>
        <translation>不使用；或填写如 http://proxy.contoso.com:8080</translation>
    </message>
    <message>
        <source>the system&apos;s trusted CAs</source>
        <translation>使用系统信任的证书颁发机构</translation>
    </message>
    <message>
        <source>one per line: HOST:PORT:HOST2:PORT2, e.g. mail.contoso.com:443:10.0.0.5:443</source>
        <translation>每行一条：主机:端口:主机2:端口2，如 mail.contoso.com:443:10.0.0.5:443</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation>DNS 服务器</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP 代理</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>CA 证书包文件</translation>
    </message>
    <message>
        <source>Browse for a CA bundle file</source>
        <translation>浏览选择 CA 证书包文件</translation>
    </message>
    <message>
        <source>Connect-to overrides</source>
        <translation>连接重定向</translation>
    </message>
    <message>
        <source>Timeout per network operation, in seconds</source>
        <translation>单次网络操作超时（秒）</translation>
    </message>
    <message>
        <source>Deadline per check, in seconds</source>
        <translation>单项检查时限（秒）</translation>
    </message>
</context>
<context>
    <name>Area</name>
    <message>
        <source>DNS and autodiscover</source>
        <translation>DNS 与自动发现</translation>
    </message>
    <message>
        <source>Protocol logins</source>
        <translation>协议登录</translation>
    </message>
    <message>
        <source>Relay test send</source>
        <translation>中继测试发送</translation>
    </message>
    <message>
        <source>SharePoint and Lync/Skype/Teams prerequisites</source>
        <translation>SharePoint 与 Lync/Skype/Teams 前提条件</translation>
    </message>
    <message>
        <source>Needs: the mailbox&apos;s credentials.</source>
        <translation>需要：邮箱的凭据。</translation>
    </message>
    <message>
        <source>DNS records</source>
        <translation>DNS 记录</translation>
    </message>
    <message>
        <source>MX, SPF, DKIM, DMARC, autodiscover, MTA-STS, DNSSEC and DANE.</source>
        <translation>MX、SPF、DKIM、DMARC、自动发现、MTA-STS、DNSSEC 和 DANE。</translation>
    </message>
    <message>
        <source>Needs: only the domain.</source>
        <translation>需要：仅需域名。</translation>
    </message>
    <message>
        <source>Autodiscover</source>
        <translation>自动发现</translation>
    </message>
    <message>
        <source>Walks Outlook&apos;s discovery sequence, step by step.</source>
        <translation>逐步执行 Outlook 的自动发现流程。</translation>
    </message>
    <message>
        <source>Needs: the email address; a password completes it.</source>
        <translation>需要：电子邮件地址；提供密码可完成全部步骤。</translation>
    </message>
    <message>
        <source>EWS</source>
        <translation>EWS（Exchange Web 服务）</translation>
    </message>
    <message>
        <source>Signs in to Exchange Web Services and reads the mailbox.</source>
        <translation>登录 Exchange Web 服务并读取邮箱。</translation>
    </message>
    <message>
        <source>MAPI over HTTP</source>
        <translation>MAPI over HTTP（基于 HTTP 的 MAPI）</translation>
    </message>
    <message>
        <source>Checks the endpoints Outlook connects to.</source>
        <translation>检查 Outlook 连接的终结点。</translation>
    </message>
    <message>
        <source>Needs: autodiscover&apos;s answer (selected with it).</source>
        <translation>需要：自动发现的结果（会一并选中）。</translation>
    </message>
    <message>
        <source>IMAP</source>
        <translation>IMAP 协议</translation>
    </message>
    <message>
        <source>Connects with TLS, lists the sign-in methods, signs in.</source>
        <translation>通过 TLS 连接，列出登录方式并登录。</translation>
    </message>
    <message>
        <source>POP3</source>
        <translation>POP3 协议</translation>
    </message>
    <message>
        <source>Connects with TLS, signs in and counts the messages.</source>
        <translation>通过 TLS 连接，登录并统计邮件数。</translation>
    </message>
    <message>
        <source>SMTP submission</source>
        <translation>SMTP 提交</translation>
    </message>
    <message>
        <source>STARTTLS on port 587 and SMTP AUTH, with the reply explained.</source>
        <translation>587 端口上的 STARTTLS 与 SMTP AUTH，并解释服务器的答复。</translation>
    </message>
    <message>
        <source>OAuth sign-in</source>
        <translation>OAuth 登录</translation>
    </message>
    <message>
        <source>Signs in with OAuth 2.0 and reads the token: audience, scopes, tenant.</source>
        <translation>使用 OAuth 2.0 登录并读取令牌：受众、作用域、租户。</translation>
    </message>
    <message>
        <source>Needs: an OAuth sign-in (see the Sign-in page).</source>
        <translation>需要：OAuth 登录（见“登录”页）。</translation>
    </message>
    <message>
        <source>Sends a tagged test message the way a device or app would.</source>
        <translation>像设备或应用程序那样发送一封带标记的测试邮件。</translation>
    </message>
    <message>
        <source>Needs: a recipient address, and credentials for SMTP AUTH.</source>
        <translation>需要：收件人地址，以及用于 SMTP AUTH 的凭据。</translation>
    </message>
    <message>
        <source>SharePoint and Lync/Skype/Teams</source>
        <translation>SharePoint 与 Lync/Skype/Teams 集成</translation>
    </message>
    <message>
        <source>What SharePoint and Lync/Skype/Teams need from Exchange.</source>
        <translation>SharePoint 和 Lync/Skype/Teams 对 Exchange 的要求。</translation>
    </message>
</context>
<context>
    <name>CheckTitle</name>
    <message>
        <source>DNS resolvers answer</source>
        <translation>DNS 解析器响应</translation>
    </message>
    <message>
        <source>MX records</source>
        <translation>MX 记录</translation>
    </message>
    <message>
        <source>SPF record</source>
        <translation>SPF 记录</translation>
    </message>
    <message>
        <source>DKIM selectors</source>
        <translation>DKIM 选择器</translation>
    </message>
    <message>
        <source>DMARC policy</source>
        <translation>DMARC 策略</translation>
    </message>
    <message>
        <source>Autodiscover DNS records</source>
        <translation>自动发现 DNS 记录</translation>
    </message>
    <message>
        <source>Domain verification record</source>
        <translation>域验证记录</translation>
    </message>
    <message>
        <source>MTA-STS policy</source>
        <translation>MTA-STS 策略</translation>
    </message>
    <message>
        <source>SMTP TLS reporting</source>
        <translation>SMTP TLS 报告</translation>
    </message>
    <message>
        <source>DNSSEC</source>
        <translation>DNSSEC 签名</translation>
    </message>
    <message>
        <source>DANE for the MX hosts</source>
        <translation>MX 主机的 DANE</translation>
    </message>
    <message>
        <source>Skype for Business / Teams records</source>
        <translation>Skype for Business / Teams 记录</translation>
    </message>
    <message>
        <source>No stray msoid record</source>
        <translation>无多余的 msoid 记录</translation>
    </message>
    <message>
        <source>Outlook autodiscover</source>
        <translation>Outlook 自动发现</translation>
    </message>
    <message>
        <source>EWS endpoint answers</source>
        <translation>EWS 终结点响应</translation>
    </message>
    <message>
        <source>EWS sign-in</source>
        <translation>EWS 登录</translation>
    </message>
    <message>
        <source>EWS mailbox data (what Lync/Teams read)</source>
        <translation>EWS 邮箱数据（Lync/Teams 读取的内容）</translation>
    </message>
    <message>
        <source>EWS retirement in Exchange Online</source>
        <translation>Exchange Online 中 EWS 的停用</translation>
    </message>
    <message>
        <source>MAPI over HTTP endpoints</source>
        <translation>MAPI over HTTP 终结点</translation>
    </message>
    <message>
        <source>OAuth sign-in and access token</source>
        <translation>OAuth 登录与访问令牌</translation>
    </message>
    <message>
        <source>IMAP sign-in and INBOX</source>
        <translation>IMAP 登录与收件箱</translation>
    </message>
    <message>
        <source>POP sign-in and mailbox</source>
        <translation>POP 登录与邮箱</translation>
    </message>
    <message>
        <source>SMTP client submission (SMTP AUTH)</source>
        <translation>SMTP 客户端提交（SMTP AUTH）</translation>
    </message>
    <message>
        <source>SMTP AUTH with a password in Exchange Online: retirement dates</source>
        <translation>Exchange Online 中使用密码的 SMTP AUTH：停用日期</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <source>What to test</source>
        <translation>测试内容</translation>
    </message>
    <message>
        <source>Pick the areas to check. What each one needs is said below it.</source>
        <translation>选择要检查的方面。每项下方注明了它所需的条件。</translation>
    </message>
    <message>
        <source>Coming in a later version.</source>
        <translation>将在后续版本中提供。</translation>
    </message>
    <message>
        <source>&amp;Recipient for the test message:</source>
        <translation>测试邮件的收件人(&amp;R)：</translation>
    </message>
    <message>
        <source>someone@contoso.com</source>
        <translation>例如 someone@contoso.com</translation>
    </message>
    <message>
        <source>Recipient for the relay test message</source>
        <translation>中继测试邮件的收件人</translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation>用于：%1</translation>
    </message>
</context>
<context>
    <name>Cloud</name>
    <message>
        <source>Microsoft 365 worldwide (including GCC)</source>
        <translation>Microsoft 365 全球版（含 GCC）</translation>
    </message>
    <message>
        <source>Microsoft 365 GCC High</source>
        <translation>Microsoft 365 GCC High（美国政府高安全）</translation>
    </message>
    <message>
        <source>Microsoft 365 DoD</source>
        <translation>Microsoft 365 DoD（美国国防部）</translation>
    </message>
    <message>
        <source>Microsoft 365 operated by 21Vianet</source>
        <translation>由世纪互联运营的 Microsoft 365</translation>
    </message>
    <message>
        <source>Exchange Server (on-premises)</source>
        <translation>Exchange Server（本地部署）</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>(new)</source>
        <translation>（新增）</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已移除）</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变化内容</translation>
    </message>
    <message>
        <source>Older: %1
Newer: %2</source>
        <translation>较早：%1
较新：%2</translation>
    </message>
    <message>
        <source>Overall: %1 → %2</source>
        <translation>总体结果：%1 → %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Counts: %1</source>
        <translation>数量：%1</translation>
    </message>
    <message>
        <source>The counts are the same.</source>
        <translation>各状态的数量相同。</translation>
    </message>
    <message>
        <source>The two reports are for different targets; compare with care.</source>
        <translation>这两份报告针对的是不同的目标，请谨慎比较。</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Changed, new and removed checks</source>
        <translation>有变化、新增和已移除的检查</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Nothing changed between the two reports.</source>
        <translation>两份报告之间没有变化。</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Send your credentials to another host?</source>
        <translation>要将凭据发送到其他主机吗？</translation>
    </message>
    <message>
        <source>Send your credentials to %1?</source>
        <translation>要将您的凭据发送到 %1 吗？</translation>
    </message>
    <message>
        <source>A check wants to sign in to %1, which is outside %2 and is not one of Microsoft&apos;s endpoints.

Reason given: %3

Allow it only if you know this host serves your mailboxes. The answer holds for this run only.</source>
        <translation>某项检查要登录 %1，该主机不属于 %2，也不是 Microsoft 的终结点。

原因：%3

只有在确认此主机确实为您的邮箱提供服务时才允许。此选择仅对本次运行有效。</translation>
    </message>
    <message>
        <source>&amp;Allow for this run</source>
        <translation>本次运行允许(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>不发送(&amp;D)</translation>
    </message>
    <message>
        <source>Allow sign-in to %1</source>
        <translation>允许登录 %1</translation>
    </message>
    <message>
        <source>Do not send credentials to %1</source>
        <translation>不向 %1 发送凭据</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Healthy Exchange Online tenant</source>
        <translation>正常的 Exchange Online 租户</translation>
    </message>
    <message>
        <source>Healthy Exchange Server (on-premises)</source>
        <translation>正常的 Exchange Server（本地部署）</translation>
    </message>
    <message>
        <source>Broken: SPF includes form a loop</source>
        <translation>故障：SPF include 形成循环</translation>
    </message>
    <message>
        <source>Broken: no MX record</source>
        <translation>故障：没有 MX 记录</translation>
    </message>
    <message>
        <source>Broken: two SPF records</source>
        <translation>故障：存在两条 SPF 记录</translation>
    </message>
    <message>
        <source>Broken: DMARC syntax errors</source>
        <translation>故障：DMARC 语法错误</translation>
    </message>
    <message>
        <source>Broken: stray msoid record</source>
        <translation>故障：多余的 msoid 记录</translation>
    </message>
    <message>
        <source>Broken: expired autodiscover certificate</source>
        <translation>故障：自动发现证书已过期</translation>
    </message>
    <message>
        <source>Broken: autodiscover rejects every sign-in</source>
        <translation>故障：自动发现拒绝所有登录</translation>
    </message>
    <message>
        <source>Suspicious: redirect to a foreign host (asks you)</source>
        <translation>可疑：重定向到外部主机（会询问您）</translation>
    </message>
    <message>
        <source>Hangs: autodiscover never answers (try Cancel)</source>
        <translation>挂起：自动发现始终不响应（可试试取消）</translation>
    </message>
</context>
<context>
    <name>Details</name>
    <message>
        <source>What to change</source>
        <translation>需要更改的内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
</context>
<context>
    <name>DeviceCodeBox</name>
    <message>
        <source>Sign in to continue</source>
        <translation>登录以继续</translation>
    </message>
    <message>
        <source>Open this address in any browser, on this or another device, enter the code and sign in as the mailbox&apos;s user. The run continues by itself; Cancel stops the wait.</source>
        <translation>在本机或其他设备的任意浏览器中打开此地址，输入代码，并以该邮箱的用户身份登录。诊断会自动继续；按“取消”可停止等待。</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>C&amp;opy code</source>
        <translation>复制代码(&amp;O)</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>Device code sign-in</source>
        <translation>设备代码登录</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>DNS resolvers answer</source>
        <translation>DNS 解析器应答</translation>
    </message>
    <message>
        <source>{server} answered in {ms} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{resolvers}. Tried: {tried}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{resolvers}. Tried: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} answered SERVFAIL for {domain}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no DNS server answered ({resolvers})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this computer&apos;s network and DNS settings, or name a reachable DNS server with --nameserver. A firewall that blocks UDP and TCP port 53 to the DNS server gives the same result.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Save as PDF (print &amp;layout)…</source>
        <translation>另存为 PDF（打印版式）(&amp;L)…</translation>
    </message>
    <message>
        <source>Save the report as a PDF document laid out like the web page</source>
        <translation>将报告另存为与网页版式相同的 PDF 文档</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON 报告 (*.json)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>The report holds every check, its evidence and the remedies. A JSON report opens here again later; a web page or PDF is easier to read and to send.</source>
        <translation>报告包含每项检查、其证据和修复建议。JSON 报告以后可以在这里再次打开；网页或 PDF 更便于阅读和发送。</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>另存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the report as a PDF document</source>
        <translation>将报告保存为 PDF 文档</translation>
    </message>
    <message>
        <source>HTML reports come in a later version.</source>
        <translation>HTML 报告将在后续版本中提供。</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>A report support can act on. Passwords are never in it.</source>
        <translation>一份技术支持可以据此处理的报告。其中绝不包含密码。</translation>
    </message>
    <message>
        <source>The JSON report holds every check, its evidence and the remedies. Open it here again later, or send it to whoever helps you.</source>
        <translation>JSON 报告包含每项检查、其证据和修复建议。以后可以在这里再次打开，也可以发给为您提供帮助的人。</translation>
    </message>
    <message>
        <source>Save as &amp;JSON…</source>
        <translation>另存为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Save as &amp;HTML…</source>
        <translation>另存为 HTML(&amp;H)…</translation>
    </message>
    <message>
        <source>Save the report as JSON</source>
        <translation>将报告保存为 JSON</translation>
    </message>
    <message>
        <source>Save the report as a web page</source>
        <translation>将报告保存为网页</translation>
    </message>
    <message>
        <source>PDF reports come in a later version.</source>
        <translation>PDF 报告将在后续版本中提供。</translation>
    </message>
    <message>
        <source>HTML and PDF reports come in a later version.</source>
        <translation>HTML 和 PDF 报告将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Saved report for %1, created %2.</source>
        <translation>%1 的已保存报告，创建于 %2。</translation>
    </message>
    <message>
        <source>%1 in %2.</source>
        <translation>%1，位于 %2。</translation>
    </message>
    <message>
        <source>Opened from %1</source>
        <translation>打开自 %1</translation>
    </message>
    <message>
        <source>Show only &amp;problems</source>
        <translation>仅显示问题(&amp;P)</translation>
    </message>
    <message>
        <source>Copy &amp;summary</source>
        <translation>复制摘要(&amp;S)</translation>
    </message>
    <message>
        <source>Copy the summary to the clipboard</source>
        <translation>将摘要复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;New diagnosis</source>
        <translation>新的诊断(&amp;N)</translation>
    </message>
    <message>
        <source>Results and details</source>
        <translation>结果与详细信息</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Planned %1 checks</source>
        <translation>已计划 %1 项检查</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>开始 %1</translation>
    </message>
    <message>
        <source>Run finished in %1 s</source>
        <translation>运行完成，用时 %1 秒</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancel pressed</source>
        <translation>已按下取消</translation>
    </message>
    <message>
        <source>Cancelled. Checks that had not finished are marked so.</source>
        <translation>已取消。未完成的检查已作相应标记。</translation>
    </message>
    <message>
        <source>All %1 checks finished.</source>
        <translation>全部 %1 项检查已完成。</translation>
    </message>
    <message>
        <source>%1 of %2 checks finished · %3 s</source>
        <translation>已完成 %1/%2 项检查 · %3 秒</translation>
    </message>
    <message>
        <source>Running the diagnosis</source>
        <translation>正在诊断</translation>
    </message>
    <message>
        <source>Testing %1 (%2).</source>
        <translation>正在测试 %1（%2）。</translation>
    </message>
    <message>
        <source>Show &amp;results</source>
        <translation>查看结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>取消运行(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>总体进度</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>日志(&amp;L)</translation>
    </message>
    <message>
        <source>Show the log</source>
        <translation>显示日志</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>How the checks sign in to the mailbox.</source>
        <translation>检查如何登录邮箱。</translation>
    </message>
    <message>
        <source>&amp;Run diagnosis</source>
        <translation>开始诊断(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;No sign-in: anonymous checks only</source>
        <translation>不登录：仅运行匿名检查(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Password, for this run only</source>
        <translation>密码，仅用于本次运行(&amp;P)</translation>
    </message>
    <message>
        <source>Go back and enter the mailbox&apos;s address first.</source>
        <translation>请先返回并输入邮箱地址。</translation>
    </message>
    <message>
        <source>OAuth sign-in is for a mailbox: enter its email address, not a domain.</source>
        <translation>OAuth 登录针对的是邮箱：请输入其电子邮件地址，而不是域名。</translation>
    </message>
    <message>
        <source>Enter the Application (client) ID of your app registration.</source>
        <translation>请输入应用注册的应用程序（客户端）ID。</translation>
    </message>
    <message>
        <source>&amp;OAuth 2.0 (device code): sign in at Microsoft in any browser</source>
        <translation>OAuth 2.0（设备代码）：在任意浏览器中登录 Microsoft(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>客户端 ID(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>租户(&amp;T)：</translation>
    </message>
    <message>
        <source>Application (client) ID</source>
        <translation>应用程序（客户端）ID</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>The Application (client) ID of your organisation&apos;s app registration (a public client with the Exchange permissions). Tenant: optional; the mailbox&apos;s domain when empty, or a tenant ID.</source>
        <translation>贵组织应用注册的应用程序（客户端）ID（具有 Exchange 权限的公共客户端）。租户：可选；留空时使用邮箱的域，也可填写租户 ID。</translation>
    </message>
    <message>
        <source>Browser sign-in and app-only sign-in (client secret or certificate): use the command line, --auth oauth-browser or --auth oauth-app.</source>
        <translation>浏览器登录和仅应用登录（客户端密码或证书）：请使用命令行，--auth oauth-browser 或 --auth oauth-app。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Demo: the lab&apos;s password is filled in. It is public and works only in the lab.</source>
        <translation>演示：已填入实验环境的密码。该密码是公开的，只在实验环境中有效。</translation>
    </message>
    <message>
        <source>your domain</source>
        <translation>您的域</translation>
    </message>
    <message>
        <source> (such as %1)</source>
        <translation>（如 %1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where the password goes:&lt;/b&gt; only over HTTPS, only to servers whose certificate is valid for their name, and only to hosts in %1 or Microsoft&apos;s own endpoints%2.</source>
        <translation>&lt;b&gt;密码会发送到哪里：&lt;/b&gt;仅通过 HTTPS，仅发送给证书与其名称相符且有效的服务器，并且仅限 %1 中的主机或 Microsoft 自己的终结点%2。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where it never goes:&lt;/b&gt; to autodiscover.&amp;lt;public suffix&amp;gt; names, over plain HTTP, or to any other host, unless you allow that host when asked.</source>
        <translation>&lt;b&gt;密码绝不会发送到哪里：&lt;/b&gt;autodiscover.&amp;lt;公共后缀&amp;gt; 名称、明文 HTTP，或任何其他主机——除非在询问时您允许了该主机。</translation>
    </message>
    <message>
        <source>It is kept in memory for this run only: never saved, and never written to the log, the report or the settings.</source>
        <translation>密码仅在本次运行期间保存在内存中：绝不保存，也绝不写入日志、报告或设置。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where you sign in:&lt;/b&gt; on Microsoft&apos;s sign-in page (%1), in any browser. This program never sees your password.</source>
        <translation>&lt;b&gt;在哪里登录：&lt;/b&gt;在任意浏览器中的 Microsoft 登录页面（%1）。本程序永远不会看到您的密码。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where the tokens go:&lt;/b&gt; the sign-in happens only with %1; the access token goes only over HTTPS to the mailbox&apos;s endpoints, in %2 or Microsoft&apos;s own%3, never to any other host.</source>
        <translation>&lt;b&gt;令牌会发送到哪里：&lt;/b&gt;登录只与 %1 进行；访问令牌仅通过 HTTPS 发送到邮箱的终结点，即 %2 中的主机或 Microsoft 自己的终结点%3，绝不会发送到其他任何主机。</translation>
    </message>
    <message>
        <source>Tokens are kept in memory for this run only: never saved, and never written to the log, the report or the settings. Only the client ID and tenant are remembered.</source>
        <translation>令牌仅在本次运行期间保存在内存中：从不保存，也从不写入日志、报告或设置。只会记住客户端 ID 和租户。</translation>
    </message>
    <message>
        <source>None of the selected checks needs a password; they run anonymously.</source>
        <translation>所选检查都不需要密码，将以匿名方式运行。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>StepDetails</name>
    <message>
        <source>Select a check to see its details.</source>
        <translation>选择一项检查以查看其详细信息。</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected step&apos;s details</source>
        <translation>复制所选步骤的详细信息</translation>
    </message>
    <message>
        <source>Details of the selected step</source>
        <translation>所选步骤的详细信息</translation>
    </message>
</context>
<context>
    <name>StepTree</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Checks and their steps</source>
        <translation>检查及其步骤</translation>
    </message>
</context>
<context>
    <name>SummaryBanner</name>
    <message>
        <source>Stopped: the run was cancelled; results are partial.</source>
        <translation>已停止：运行已取消，结果不完整。</translation>
    </message>
    <message>
        <source>Problems found.</source>
        <translation>发现问题。</translation>
    </message>
    <message>
        <source>Warnings found.</source>
        <translation>发现警告。</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Passed: %1 · Warnings: %2 · Failed: %3</source>
        <translation>通过：%1 · 警告：%2 · 失败：%3</translation>
    </message>
    <message>
        <source>(information: %1 · skipped: %2 · cancelled: %3)</source>
        <translation>（信息：%1 · 已跳过：%2 · 已取消：%3）</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Detected from the tenant&apos;s sign-in metadata: %1</source>
        <translation>根据租户的登录元数据检测到：%1</translation>
    </message>
    <message>
        <source>What to diagnose</source>
        <translation>诊断对象</translation>
    </message>
    <message>
        <source>The mailbox to test. Its domain is filled in for you.</source>
        <translation>要测试的邮箱。其域名会自动填写。</translation>
    </message>
    <message>
        <source>Demo &amp;scenario:</source>
        <translation>演示场景(&amp;S)：</translation>
    </message>
    <message>
        <source>Demo scenario</source>
        <translation>演示场景</translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation>电子邮件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>Do&amp;main:</source>
        <translation>域名(&amp;M)：</translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation>环境(&amp;V)：</translation>
    </message>
    <message>
        <source>user@contoso.com</source>
        <translation>例如 user@contoso.com</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>电子邮件地址</translation>
    </message>
    <message>
        <source>contoso.com</source>
        <translation>例如 contoso.com</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>&amp;Advanced options</source>
        <translation>高级选项(&amp;A)</translation>
    </message>
    <message>
        <source>Show advanced options</source>
        <translation>显示高级选项</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Choose the older report</source>
        <translation>选择较早的报告</translation>
    </message>
    <message>
        <source>Choose the newer report</source>
        <translation>选择较新的报告</translation>
    </message>
    <message>
        <source>&amp;Compare two reports…</source>
        <translation>比较两份报告(&amp;C)…</translation>
    </message>
    <message>
        <source>See what changed between an older report and a newer one.</source>
        <translation>查看较早的报告与较新的报告之间有哪些变化。</translation>
    </message>
    <message>
        <source>Open a saved report</source>
        <translation>打开已保存的报告</translation>
    </message>
    <message>
        <source>Reports (*.json)</source>
        <translation>报告 (*.json)</translation>
    </message>
    <message>
        <source>Demo mode: starting the built-in lab…</source>
        <translation>演示模式：正在启动内置实验环境…</translation>
    </message>
    <message>
        <source>Demo mode: a lab on this computer plays a Microsoft 365 tenant and an Exchange Server, healthy and broken. Nothing leaves this computer.</source>
        <translation>演示模式：本机上的实验环境模拟一个 Microsoft 365 租户和一台 Exchange Server，既有正常的，也有故障的。所有数据都不会离开本机。</translation>
    </message>
    <message>
        <source>Demo mode: the lab could not start: %1</source>
        <translation>演示模式：实验环境无法启动：%1</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Find out why mail clients, apps and servers cannot reach Exchange.</source>
        <translation>找出邮件客户端、应用和服务器无法连接 Exchange 的原因。</translation>
    </message>
    <message>
        <source>This assistant checks a domain&apos;s DNS, walks Outlook&apos;s autodiscover sequence and signs in over each protocol, then tells you what to change. Everything runs from this computer, inside your own network.</source>
        <translation>本助手会检查域的 DNS，执行 Outlook 的自动发现流程，并通过各个协议登录，然后告诉您需要更改什么。所有检查都从本机、在您自己的网络内运行。</translation>
    </message>
    <message>
        <source>&amp;Diagnose now</source>
        <translation>立即诊断(&amp;D)</translation>
    </message>
    <message>
        <source>Test a mailbox or a domain: DNS, autodiscover and sign-ins.</source>
        <translation>测试邮箱或域：DNS、自动发现和登录。</translation>
    </message>
    <message>
        <source>&amp;Open a saved report…</source>
        <translation>打开已保存的报告(&amp;O)…</translation>
    </message>
    <message>
        <source>Look at a report saved earlier, or one a colleague sent you.</source>
        <translation>查看之前保存的报告，或同事发给您的报告。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>Starting the demo lab…</source>
        <translation>正在启动演示实验环境…</translation>
    </message>
    <message>
        <source>The demo lab could not start: %1</source>
        <translation>演示实验环境无法启动：%1</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>The run stopped because of an internal error.</source>
        <translation>由于内部错误，运行已停止。</translation>
    </message>
    <message>
        <source>Connectivity Assistant — stopping…</source>
        <translation>连接助手——正在停止…</translation>
    </message>
    <message>
        <source>Connectivity Assistant</source>
        <translation>连接助手</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
</TS>
