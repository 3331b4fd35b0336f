<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutButton</name>
    <message>
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <source>The version and what this app is</source>
        <translation>版本及本应用的用途</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Connectivity Assistant&lt;/b&gt;&lt;br&gt;Version %1&lt;/p&gt;&lt;p&gt;Finds out why mail clients, apps and servers cannot reach Exchange Online or Exchange Server, and says what to change.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;连接助手&lt;/b&gt;&lt;br&gt;版本 %1&lt;/p&gt;&lt;p&gt;找出邮件客户端、应用和服务器无法连接 Exchange Online 或 Exchange Server 的原因，并说明需要更改什么。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Connectivity Assistant</source>
        <translation>关于连接助手</translation>
    </message>
</context>
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
        <source>Only http:// proxies are supported; HTTPS still runs end to end through them.</source>
        <translation>仅支持 http:// 代理；HTTPS 仍会端到端地经由代理传输。</translation>
    </message>
    <message>
        <source>Sign-in to the proxy is not supported: leave out the name and password.</source>
        <translation>不支持向代理登录：请勿填写用户名和密码。</translation>
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
        <source>HTTP &amp;proxy:</source>
        <translation>HTTP 代理(&amp;P)：</translation>
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
        <source>&amp;DNS servers:</source>
        <translation>DNS 服务器(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>CA 证书包(&amp;C)：</translation>
    </message>
    <message>
        <source>Connect-to &amp;overrides:</source>
        <translation>连接重定向(&amp;O)：</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
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
    <name>AppSignInFields</name>
    <message>
        <source>Choose the app&apos;s certificate</source>
        <translation>选择应用的证书</translation>
    </message>
    <message>
        <source>Certificates (*.pfx *.p12 *.pem);;All files (*)</source>
        <translation>证书 (*.pfx *.p12 *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter the Application (client) ID of the app&apos;s registration.</source>
        <translation>请输入该应用注册的应用程序（客户端）ID。</translation>
    </message>
    <message>
        <source>Enter the client secret&apos;s value (not its secret ID).</source>
        <translation>请输入客户端密码的值（不是其机密 ID）。</translation>
    </message>
    <message>
        <source>Choose the certificate file (.pfx, or .pem with its private key).</source>
        <translation>请选择证书文件（.pfx，或包含私钥的 .pem）。</translation>
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
        <source>&amp;Mailbox:</source>
        <translation>邮箱(&amp;M)：</translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation>证书文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>PF&amp;X password:</source>
        <translation>PFX 密码(&amp;X)：</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>客户端密码(&amp;S)：</translation>
    </message>
    <message>
        <source>The app&apos;s Application (client) ID</source>
        <translation>应用的应用程序（客户端）ID</translation>
    </message>
    <message>
        <source>The app&apos;s tenant</source>
        <translation>应用的租户</translation>
    </message>
    <message>
        <source>The mailbox the app opens</source>
        <translation>应用打开的邮箱</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>选择证书文件</translation>
    </message>
    <message>
        <source>PFX password</source>
        <translation>PFX 密码</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>客户端密码</translation>
    </message>
    <message>
        <source>The app&apos;s own registration: its client ID, its tenant (ID or domain), the mailbox it opens (empty: the address being tested), and its certificate (.pfx, or .pem with the key) or a client secret&apos;s value. The secret and the PFX password are asked for each run and never saved.</source>
        <translation>应用自己的注册信息：其客户端 ID、租户（ID 或域）、它打开的邮箱（留空时为正在测试的地址），以及其证书（.pfx，或包含私钥的 .pem）或客户端密码的值。客户端密码和 PFX 密码每次运行都会重新询问，绝不保存。</translation>
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
        <source>Advises which sending method fits a device, and sends a tagged test message the way it would, with proof of delivery.</source>
        <translation>建议适合设备的发送方式，并以设备的方式发送一封带标记的测试邮件，附送达证明。</translation>
    </message>
    <message>
        <source>Needs: the device&apos;s answers and a recipient (on the Relay page); the mailbox&apos;s credentials for SMTP AUTH.</source>
        <translation>需要：设备的答案和一个收件人（在“中继”页上）；SMTP AUTH 需要邮箱的凭据。</translation>
    </message>
    <message>
        <source>SharePoint and Lync/Skype/Teams</source>
        <translation>SharePoint 与 Lync/Skype/Teams 集成</translation>
    </message>
    <message>
        <source>What SharePoint, Lync/Skype for Business and Teams need from Exchange: the tenant, OAuth trust, auth metadata, DNS and EWS. Anonymous: no sign-in.</source>
        <translation>SharePoint、Lync/Skype for Business 和 Teams 对 Exchange 的要求：租户、OAuth 信任、身份验证元数据、DNS 和 EWS。匿名检查：无需登录。</translation>
    </message>
    <message>
        <source>Needs: the domain; which products you run, and a SharePoint site URL (on its own page). On-premises Exchange: tick Autodiscover too.</source>
        <translation>需要：域名；您使用哪些产品，以及 SharePoint 网站 URL（在其单独的页面上）。本地 Exchange：请同时勾选“自动发现”。</translation>
    </message>
</context>
<context>
    <name>BrowserSignInBox</name>
    <message>
        <source>Finish signing in in your browser…</source>
        <translation>请在浏览器中完成登录…</translation>
    </message>
    <message>
        <source>The browser could not be started. Open the address below in a browser on this computer (the sign-in comes back to this program) and sign in as the mailbox&apos;s user. The run continues by itself; Cancel stops the wait.</source>
        <translation>无法启动浏览器。请在本机的浏览器中打开下面的地址（登录结果会返回到本程序），并以该邮箱的用户身份登录。诊断会自动继续；按“取消”可停止等待。</translation>
    </message>
    <message>
        <source>Your browser shows Microsoft&apos;s sign-in page: sign in there as the mailbox&apos;s user. The run continues by itself when the browser comes back to this program; Cancel stops the wait. If no browser opened, open the address below on this computer.</source>
        <translation>浏览器中显示了 Microsoft 的登录页面：请在那里以该邮箱的用户身份登录。浏览器返回本程序后，诊断会自动继续；按“取消”可停止等待。如果没有打开浏览器，请在本机上打开下面的地址。</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation>复制地址(&amp;A)</translation>
    </message>
    <message>
        <source>Copy the sign-in address</source>
        <translation>复制登录地址</translation>
    </message>
    <message>
        <source>Browser sign-in</source>
        <translation>浏览器登录</translation>
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
    <message>
        <source>Relay: a connector for this IP address</source>
        <translation>中继：此 IP 地址的连接器</translation>
    </message>
    <message>
        <source>Relay: Reject Direct Send is on</source>
        <translation>中继：已开启“拒绝直接发送”</translation>
    </message>
    <message>
        <source>Relay: no connector, external mail refused</source>
        <translation>中继：没有连接器，外部邮件被拒绝</translation>
    </message>
    <message>
        <source>Relay: the MX speaks only TLS 1.0</source>
        <translation>中继：MX 只支持 TLS 1.0</translation>
    </message>
    <message>
        <source>Relay: port 25 is black-holed</source>
        <translation>中继：25 端口被黑洞</translation>
    </message>
    <message>
        <source>Relay: SPF fails, the message lands in Junk</source>
        <translation>中继：SPF 失败，邮件进入垃圾邮件</translation>
    </message>
    <message>
        <source>Relay: accepted but never delivered</source>
        <translation>中继：已接受但从未送达</translation>
    </message>
    <message>
        <source>Integration: healthy hybrid with SharePoint</source>
        <translation>集成：正常的混合部署（含 SharePoint）</translation>
    </message>
    <message>
        <source>Integration: no OAuth (Bearer) challenge</source>
        <translation>集成：没有 OAuth (Bearer) 质询</translation>
    </message>
    <message>
        <source>Integration: OAuth trusts another tenant</source>
        <translation>集成：OAuth 信任的是另一个租户</translation>
    </message>
    <message>
        <source>Integration: auth metadata missing</source>
        <translation>集成：缺少身份验证元数据</translation>
    </message>
    <message>
        <source>Integration: auth certificate expired</source>
        <translation>集成：身份验证证书已过期</translation>
    </message>
    <message>
        <source>Integration: EWS not published</source>
        <translation>集成：EWS 未发布</translation>
    </message>
    <message>
        <source>Integration: Exchange 2016, out of support</source>
        <translation>集成：Exchange 2016，已不受支持</translation>
    </message>
    <message>
        <source>Integration: lyncdiscover has the wrong certificate</source>
        <translation>集成：lyncdiscover 的证书不正确</translation>
    </message>
    <message>
        <source>Integration: autodiscover.svc does not answer</source>
        <translation>集成：autodiscover.svc 没有响应</translation>
    </message>
    <message>
        <source>DNS records: SPF, DMARC, DKIM, resolvers</source>
        <translation>DNS 记录：SPF、DMARC、DKIM、解析器</translation>
    </message>
    <message>
        <source>Mail routing faults: MX, MTA-STS, DANE</source>
        <translation>邮件路由故障：MX、MTA-STS、DANE</translation>
    </message>
    <message>
        <source>Autodiscover and Exchange</source>
        <translation>自动发现与 Exchange</translation>
    </message>
    <message>
        <source>Relay test sends</source>
        <translation>中继测试发送</translation>
    </message>
    <message>
        <source>SharePoint, Skype for Business and Teams</source>
        <translation>SharePoint、Skype for Business 和 Teams</translation>
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
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Tell me more</source>
        <translation>了解详情</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>(more not shown)</source>
        <translation>（其余未显示）</translation>
    </message>
    <message>
        <source>%1 more not shown</source>
        <translation>另有 %1 项未显示</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>证书 %1</translation>
    </message>
    <message>
        <source>Certificate %1 (the server&apos;s)</source>
        <translation>证书 %1（服务器的）</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>响应标头</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>响应正文</translation>
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
    <name>DeviceQuestions</name>
    <message>
        <source>Can it sign in with a user name and password (SMTP AUTH)?</source>
        <translation>它能用用户名和密码登录 (SMTP AUTH) 吗？</translation>
    </message>
    <message>
        <source>Can it sign in with OAuth 2.0 (modern authentication)?</source>
        <translation>它能用 OAuth 2.0（新式身份验证）登录吗？</translation>
    </message>
    <message>
        <source>Does it support TLS 1.2 or later?</source>
        <translation>它支持 TLS 1.2 或更高版本吗？</translation>
    </message>
    <message>
        <source>Does it send only to your organisation&apos;s own mailboxes?</source>
        <translation>它只发送到您组织自己的邮箱吗？</translation>
    </message>
    <message>
        <source>Does it send from a fixed public IP address?</source>
        <translation>它从固定的公共 IP 地址发送吗？</translation>
    </message>
    <message>
        <source>Can it present a TLS client certificate?</source>
        <translation>它能出示 TLS 客户端证书吗？</translation>
    </message>
    <message>
        <source>Don&apos;t know</source>
        <translation>不知道</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Roughly how many messages a day?</source>
        <translation>每天大约发送多少封邮件？</translation>
    </message>
    <message>
        <source>Messages a day</source>
        <translation>每天的邮件数</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>the client secret is not valid for this app</source>
        <translation>客户端密码对此应用无效</translation>
    </message>
    <message>
        <source>Copy the secret&apos;s Value (shown only once, right after it is created) from In the Microsoft Entra admin center, App registrations, your app, Certificates &amp; secrets; not the Secret ID. If the value is lost, create a new secret.</source>
        <translation>在 Microsoft Entra 管理中心的“应用注册”中打开你的应用，在“证书和密码”中复制密码的“值”（仅在创建后立即显示一次），而不是“机密 ID”。如果值已丢失，请新建一个密码。</translation>
    </message>
    <message>
        <source>the client secret has expired</source>
        <translation>客户端密码已过期</translation>
    </message>
    <message>
        <source>Create a new client secret (Microsoft Entra admin center, App registrations, your app, Certificates &amp; secrets) and use its Value.</source>
        <translation>新建一个客户端密码（Microsoft Entra 管理中心 &gt;“应用注册”&gt; 你的应用 &gt;“证书和密码”），并使用它的“值”。</translation>
    </message>
    <message>
        <source>there is no app with this client ID in the tenant</source>
        <translation>租户中没有具有此客户端 ID 的应用</translation>
    </message>
    <message>
        <source>the app has no service principal (enterprise application) in this tenant</source>
        <translation>该应用在此租户中没有服务主体（企业应用程序）</translation>
    </message>
    <message>
        <source>Have an admin of the tenant grant consent to the app (which creates it), or create it with New-MgServicePrincipal -AppId &lt;client ID&gt;.</source>
        <translation>请租户管理员对该应用授予同意（这会创建服务主体），或使用 New-MgServicePrincipal -AppId &lt;client ID&gt; 创建它。</translation>
    </message>
    <message>
        <source>nobody consented to the app&apos;s permissions (user or admin consent is missing)</source>
        <translation>没有人同意该应用的权限（缺少用户同意或管理员同意）</translation>
    </message>
    <message>
        <source>In the Microsoft Entra admin center, App registrations, your app, API permissions: add the permissions the checks need and select &apos;Grant admin consent&apos;, or sign in interactively once and accept the consent prompt.</source>
        <translation>在 Microsoft Entra 管理中心的“应用注册”中打开你的应用，在“API 权限”中添加检查所需的权限并选择“授予管理员同意”；或者以交互方式登录一次并接受同意提示。</translation>
    </message>
    <message>
        <source>the permissions need an administrator&apos;s consent</source>
        <translation>这些权限需要管理员同意</translation>
    </message>
    <message>
        <source>Ask an admin to grant admin consent for the app (API permissions, &apos;Grant admin consent for &lt;tenant&gt;&apos;).</source>
        <translation>请管理员为该应用授予管理员同意（“API 权限”&gt;“代表 &lt;tenant&gt; 授予管理员同意”）。</translation>
    </message>
    <message>
        <source>the account you signed in with does not belong to this tenant</source>
        <translation>你登录所用的帐户不属于此租户</translation>
    </message>
    <message>
        <source>the tenant does not exist in this cloud</source>
        <translation>此云中不存在该租户</translation>
    </message>
    <message>
        <source>the tenant belongs to another national cloud than the one signed in to</source>
        <translation>该租户属于另一个国家云，而不是登录所用的云</translation>
    </message>
    <message>
        <source>the app is registered for one organisation only, so the sign-in must name it</source>
        <translation>该应用仅为一个组织注册，因此登录时必须指明该组织</translation>
    </message>
    <message>
        <source>the sign-in did not say which tenant it is for</source>
        <translation>登录时未指明针对哪个租户</translation>
    </message>
    <message>
        <source>the app does not allow public client flows (device code and browser sign-in)</source>
        <translation>该应用不允许公共客户端流（设备代码登录和浏览器登录）</translation>
    </message>
    <message>
        <source>In the Microsoft Entra admin center, App registrations, your app, Authentication: set &apos;Allow public client flows&apos; to Yes, or sign in app-only with a certificate or secret.</source>
        <translation>在 Microsoft Entra 管理中心的“应用注册”中打开你的应用，在“身份验证”中将“允许公共客户端流”设为“是”；或者使用证书或密码以仅应用方式登录。</translation>
    </message>
    <message>
        <source>the certificate that signed the request is not registered on the app</source>
        <translation>对请求签名的证书未在该应用上注册</translation>
    </message>
    <message>
        <source>Upload the certificate&apos;s public part (.cer/.pem) in the Microsoft Entra admin center, App registrations, your app, Certificates &amp; secrets, and sign with its private key.</source>
        <translation>在 Microsoft Entra 管理中心的“应用注册”中打开你的应用，在“证书和密码”中上传证书的公钥部分（.cer/.pem），并使用其私钥签名。</translation>
    </message>
    <message>
        <source>the signed request is outside its valid time range</source>
        <translation>已签名的请求不在其有效时间范围内</translation>
    </message>
    <message>
        <source>Correct this computer&apos;s clock (time zone and time synchronisation).</source>
        <translation>请校正这台计算机的时钟（时区和时间同步）。</translation>
    </message>
    <message>
        <source>Exchange Online is not known in this tenant (its resource principal is missing)</source>
        <translation>此租户中没有 Exchange Online（缺少其资源主体）</translation>
    </message>
    <message>
        <source>a requested scope is not valid</source>
        <translation>请求的某个范围无效</translation>
    </message>
    <message>
        <source>Ask for scopes of one resource only, with the resource in front (https://outlook.office.com/IMAP.AccessAsUser.All); app-only sign-ins ask for https://outlook.office365.com/.default.</source>
        <translation>只请求同一个资源的范围，并在前面加上资源（https://outlook.office.com/IMAP.AccessAsUser.All）；仅应用登录请求 https://outlook.office365.com/.default。</translation>
    </message>
    <message>
        <source>client credentials must ask for the resource&apos;s .default scope</source>
        <translation>客户端凭据必须请求资源的 .default 范围</translation>
    </message>
    <message>
        <source>Ask for https://outlook.office365.com/.default (this tool does) and grant the application permissions as roles.</source>
        <translation>请求 https://outlook.office365.com/.default（本工具即如此），并将应用程序权限作为角色授予。</translation>
    </message>
    <message>
        <source>the app does not list the redirect URI the browser sign-in uses</source>
        <translation>该应用未列出浏览器登录所用的重定向 URI</translation>
    </message>
    <message>
        <source>In the Microsoft Entra admin center, App registrations, your app, Authentication: add the platform &apos;Mobile and desktop applications&apos; with the redirect URI http://localhost.</source>
        <translation>在 Microsoft Entra 管理中心的“应用注册”中打开你的应用，在“身份验证”中添加“移动和桌面应用程序”平台，重定向 URI 为 http://localhost。</translation>
    </message>
    <message>
        <source>the app has no redirect URI for a browser sign-in</source>
        <translation>该应用没有用于浏览器登录的重定向 URI</translation>
    </message>
    <message>
        <source>the sign-in needs multi-factor authentication</source>
        <translation>登录需要多重身份验证</translation>
    </message>
    <message>
        <source>Sign in with the device code or browser flow, which can complete MFA.</source>
        <translation>请使用设备代码或浏览器登录流，它们可以完成 MFA。</translation>
    </message>
    <message>
        <source>the account must register for multi-factor authentication first</source>
        <translation>该帐户必须先注册多重身份验证</translation>
    </message>
    <message>
        <source>Sign in once at https://aka.ms/mfasetup, then try again.</source>
        <translation>请先在 https://aka.ms/mfasetup 登录一次，然后重试。</translation>
    </message>
    <message>
        <source>a Conditional Access policy blocked the sign-in</source>
        <translation>条件访问策略阻止了登录</translation>
    </message>
    <message>
        <source>Look up the sign-in in the Entra sign-in logs (the correlation ID is in the details) to see which policy applied and why.</source>
        <translation>请在 Entra 登录日志中查找此次登录（关联 ID 在详细信息中），查看应用了哪个策略以及原因。</translation>
    </message>
    <message>
        <source>the user name or password is wrong</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <source>Check the account name (the UPN) and the password.</source>
        <translation>请检查帐户名（UPN）和密码。</translation>
    </message>
    <message>
        <source>the account does not exist in this tenant</source>
        <translation>此租户中不存在该帐户</translation>
    </message>
    <message>
        <source>Check the user name, and that you sign in to the tenant that holds it.</source>
        <translation>请检查用户名，并确认你登录的是该帐户所在的租户。</translation>
    </message>
    <message>
        <source>the account is disabled</source>
        <translation>该帐户已禁用</translation>
    </message>
    <message>
        <source>Enable the account (Entra admin center, Users) or use another one.</source>
        <translation>请启用该帐户（Entra 管理中心 &gt;“用户”），或改用其他帐户。</translation>
    </message>
    <message>
        <source>the account is locked or the sign-in was blocked as suspicious</source>
        <translation>该帐户已锁定，或登录因可疑而被阻止</translation>
    </message>
    <message>
        <source>Wait and try again, or have an admin check the account&apos;s sign-in logs.</source>
        <translation>请稍后重试，或请管理员检查该帐户的登录日志。</translation>
    </message>
    <message>
        <source>the app requires assignment and this user is not assigned to it</source>
        <translation>该应用要求分配，而此用户未分配到该应用</translation>
    </message>
    <message>
        <source>Assign the user (or a group) in Enterprise applications, your app, Users and groups, or turn off &apos;Assignment required&apos;.</source>
        <translation>请在“企业应用程序”&gt; 你的应用 &gt;“用户和组”中分配该用户（或组），或关闭“需要分配”。</translation>
    </message>
    <message>
        <source>the device code expired before the sign-in was finished</source>
        <translation>设备代码在登录完成之前已过期</translation>
    </message>
    <message>
        <source>Start again and finish the sign-in in the browser within 15 minutes.</source>
        <translation>请重新开始，并在 15 分钟内在浏览器中完成登录。</translation>
    </message>
    <message>
        <source>the saved sign-in expired (unused for too long)</source>
        <translation>保存的登录已过期（太久未使用）</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>请重新登录。</translation>
    </message>
    <message>
        <source>the sign-in was declined in the browser</source>
        <translation>登录在浏览器中被拒绝</translation>
    </message>
    <message>
        <source>Start again and accept the sign-in (and the consent prompt, if one appears).</source>
        <translation>请重新开始并接受登录（如果出现同意提示，也请接受）。</translation>
    </message>
    <message>
        <source>the sign-in service did not recognise the device code</source>
        <translation>登录服务无法识别该设备代码</translation>
    </message>
    <message>
        <source>Start again; enter the code shown by this run, not an older one.</source>
        <translation>请重新开始；输入本次运行显示的代码，而不是之前的代码。</translation>
    </message>
    <message>
        <source>no error code</source>
        <translation>无错误代码</translation>
    </message>
    <message>
        <source>no description</source>
        <translation>无说明</translation>
    </message>
    <message>
        <source>{cause} ({codes})</source>
        <translation>{cause}（{codes}）</translation>
    </message>
    <message>
        <source>a secret ID was given instead of the secret value ({codes})</source>
        <translation>提供的是机密 ID，而不是密码值（{codes}）</translation>
    </message>
    <message>
        <source>The client secret is the Value column of Certificates &amp; secrets, not the Secret ID (a GUID). The value is only shown right after the secret is created; if it is lost, create a new secret.</source>
        <translation>客户端密码是“证书和密码”中“值”列的内容，而不是“机密 ID”（一个 GUID）。该值仅在密码创建后立即显示；如果已丢失，请新建一个密码。</translation>
    </message>
    <message>
        <source>the sign-in service refused: {service_said}</source>
        <translation>登录服务拒绝了登录：{service_said}</translation>
    </message>
    <message>
        <source>Look the code up in Microsoft&apos;s AADSTS reference; the correlation ID in the details finds this attempt in the Entra sign-in logs.</source>
        <translation>请在 Microsoft 的 AADSTS 错误代码参考中查找该代码；详细信息中的关联 ID 可在 Entra 登录日志中找到此次尝试。</translation>
    </message>
    <message>
        <source>certificate {subject} (thumbprint {thumbprint})</source>
        <translation>证书 {subject}（指纹 {thumbprint}）</translation>
    </message>
    <message>
        <source>password for {user}</source>
        <translation>{user} 的密码</translation>
    </message>
    <message>
        <source>{exception}: {error}</source>
        <translation>{exception}：{error}</translation>
    </message>
    <message>
        <source>the sign-in service {host} could not be used: {error}</source>
        <translation>无法使用登录服务 {host}：{error}</translation>
    </message>
    <message>
        <source>Allow HTTPS to {host} through the firewall or proxy, and check that TLS inspection leaves it alone (its certificate must validate).</source>
        <translation>请在防火墙或代理上允许到 {host} 的 HTTPS，并确认 TLS 检查不处理该流量（其证书必须能通过验证）。</translation>
    </message>
    <message>
        <source>{key}: {value}</source>
        <translation>{key}: {value}</translation>
    </message>
    <message>
        <source>{flow}, app {app}, tenant {tenant}</source>
        <translation>{flow}，应用 {app}，租户 {tenant}</translation>
    </message>
    <message>
        <source>{flow} with {certificate}, app {app}, tenant {tenant}</source>
        <translation>{flow}，使用{certificate}，应用 {app}，租户 {tenant}</translation>
    </message>
    <message>
        <source>{flow} with a client secret, app {app}, tenant {tenant}</source>
        <translation>{flow}，使用客户端密码，应用 {app}，租户 {tenant}</translation>
    </message>
    <message>
        <source>device code sign-in</source>
        <translation>设备代码登录</translation>
    </message>
    <message>
        <source>browser sign-in</source>
        <translation>浏览器登录</translation>
    </message>
    <message>
        <source>app-only (client credentials)</source>
        <translation>仅应用（客户端凭据）</translation>
    </message>
    <message>
        <source>OAuth sign-in is for Microsoft 365 clouds; on-premises Exchange signs in with a password (or its own AD FS, which this tool does not drive)</source>
        <translation>OAuth 登录仅适用于 Microsoft 365 云；本地 Exchange 使用密码登录（或使用其自己的 AD FS，此工具不支持 AD FS 登录）</translation>
    </message>
    <message>
        <source>unknown sign-in &apos;{flow}&apos;: choose one of {names}</source>
        <translation>未知的登录方式“{flow}”：请从 {names} 中选择一个</translation>
    </message>
    <message>
        <source>OAuth 2.0 for {user} ({how})</source>
        <translation>{user} 的 OAuth 2.0（{how}）</translation>
    </message>
    <message>
        <source>access token given by the user</source>
        <translation>用户提供的访问令牌</translation>
    </message>
    <message>
        <source>no access token for this run</source>
        <translation>本次运行没有访问令牌</translation>
    </message>
    <message>
        <source>{cloud} has no Exchange Online sign-in; OAuth needs a Microsoft 365 cloud</source>
        <translation>{cloud} 没有 Exchange Online 登录；OAuth 需要 Microsoft 365 云</translation>
    </message>
    <message>
        <source>the token was issued by {cloud}</source>
        <translation>令牌由 {cloud} 颁发</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>the token is for {cloud}&apos;s Exchange</source>
        <translation>令牌是颁发给 {cloud} 的 Exchange 的</translation>
    </message>
    <message>
        <source>{what}, but this run tests {cloud}</source>
        <translation>{what}，但本次运行测试的是 {cloud}</translation>
    </message>
    <message>
        <source>{protocols} needs the application permission {names}, which the token does not carry</source>
        <translation>{protocols} 需要应用程序权限 {names}，而令牌中没有该权限</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>the token is for another service ({audience}), not Exchange Online</source>
        <translation>令牌是颁发给另一个服务（{audience}）的，而不是 Exchange Online</translation>
    </message>
    <message>
        <source>Ask for a token for {resource} (delegated) or {app_resource}/.default (app-only).</source>
        <translation>请为 {resource}（委托）或 {app_resource}/.default（仅应用）请求令牌。</translation>
    </message>
    <message>
        <source>the token carries no application permissions at all; {protocols} needs the application permission {names}, which the token does not carry</source>
        <translation>令牌中完全没有应用程序权限；{protocols} 需要应用程序权限 {names}，而令牌中没有该权限</translation>
    </message>
    <message>
        <source>{protocols} needs the scope {names}, which the token does not carry</source>
        <translation>{protocols} 需要范围 {names}，而令牌中没有该范围</translation>
    </message>
    <message>
        <source>App registration, API permissions: add the delegated permission(s) and grant consent (the user&apos;s, or an admin&apos;s for the whole tenant), then sign in again.</source>
        <translation>在应用注册的“API 权限”中添加委托的权限并授予同意（用户同意，或管理员代表整个租户同意），然后重新登录。</translation>
    </message>
    <message>
        <source>the token is from tenant {tenant}, but the mailbox&apos;s domain belongs to tenant {mailbox_tenant}</source>
        <translation>令牌来自租户 {tenant}，但邮箱的域属于租户 {mailbox_tenant}</translation>
    </message>
    <message>
        <source>the token is for Microsoft Graph ({audience}), not Exchange Online: IMAP, POP, SMTP and EWS refuse it</source>
        <translation>令牌是颁发给 Microsoft Graph（{audience}）的，而不是 Exchange Online：IMAP、POP、SMTP 和 EWS 会拒绝它</translation>
    </message>
    <message>
        <source>Ask for the scopes with the Exchange Online resource in front (e.g. {example}); a bare &apos;IMAP.AccessAsUser.All&apos; is read as a Graph permission. The permissions themselves are listed under Microsoft Graph in the app registration; only the requested scope needs the Outlook resource.</source>
        <translation>请求范围时在前面加上 Exchange Online 资源（例如 {example}）；单独的“IMAP.AccessAsUser.All”会被视为 Graph 权限。这些权限本身在应用注册中列在 Microsoft Graph 下；只有请求的范围需要带上 Outlook 资源。</translation>
    </message>
    <message>
        <source>the token is not valid before {not_before}: this computer&apos;s clock seems to be behind</source>
        <translation>令牌在 {not_before} 之前无效：这台计算机的时钟似乎慢了</translation>
    </message>
    <message>
        <source>Correct the clock (time synchronisation); servers refuse tokens that are not yet valid.</source>
        <translation>请校正时钟（时间同步）；服务器会拒绝尚未生效的令牌。</translation>
    </message>
    <message>
        <source>the token expired {ago} ago ({expires})</source>
        <translation>令牌已于 {ago}前过期（{expires}）</translation>
    </message>
    <message>
        <source>Get a new token: access tokens live about an hour. An app must refresh them (MSAL does so from its cache); if this computer&apos;s clock is wrong, correct it.</source>
        <translation>请获取新令牌：访问令牌的有效期约为一小时。应用必须刷新令牌（MSAL 会从其缓存中刷新）；如果这台计算机的时钟不正确，请校正。</translation>
    </message>
    <message>
        <source>no audience</source>
        <translation>无受众</translation>
    </message>
    <message>
        <source>the token expires in {left}</source>
        <translation>令牌将在 {left}后过期</translation>
    </message>
    <message>
        <source>Checks that run later may be refused; sign in again if they are.</source>
        <translation>之后运行的检查可能会被拒绝；如果被拒绝，请重新登录。</translation>
    </message>
    <message>
        <source>OAuth sign-in and access token</source>
        <translation>OAuth 登录和访问令牌</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Tenant of {domain}</source>
        <translation>{domain} 的租户</translation>
    </message>
    <message>
        <source>tenant {tenant}, cloud {cloud}</source>
        <translation>租户 {tenant}，云 {cloud}</translation>
    </message>
    <message>
        <source>Access token (audience, permissions, tenant, expiry)</source>
        <translation>访问令牌（受众、权限、租户、过期时间）</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>无过期时间</translation>
    </message>
    <message>
        <source>an access token given for this run</source>
        <translation>为本次运行提供的访问令牌</translation>
    </message>
    <message>
        <source>signed in ({how})</source>
        <translation>已登录（{how}）</translation>
    </message>
    <message>
        <source>{domain} is not a tenant domain in this cloud</source>
        <translation>{domain} 不是此云中的租户域</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>tenant {tenant}, cloud {cloud}, region {region}</source>
        <translation>租户 {tenant}，云 {cloud}，区域 {region}</translation>
    </message>
    <message>
        <source>{summary}; {cause}</source>
        <translation>{summary}；{cause}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>for {audience}; roles: {roles}; tenant {tenant}; {expiry}</source>
        <translation>受众 {audience}；角色：{roles}；租户 {tenant}；{expiry}</translation>
    </message>
    <message>
        <source>for {audience}; scopes: {scopes}; tenant {tenant}; {expiry}</source>
        <translation>受众 {audience}；范围：{scopes}；租户 {tenant}；{expiry}</translation>
    </message>
    <message>
        <source>{part}: {summary}</source>
        <translation>{part}：{summary}</translation>
    </message>
    <message>
        <source>signed in as {user} ({how})</source>
        <translation>已以 {user} 身份登录（{how}）</translation>
    </message>
    <message>
        <source>signed in as app {app_id} ({how})</source>
        <translation>已以应用 {app_id} 身份登录（{how}）</translation>
    </message>
    <message>
        <source>not looked up: {error}</source>
        <translation>未查询：{error}</translation>
    </message>
    <message>
        <source>no OpenID configuration for {domain} (HTTP {status})</source>
        <translation>{domain} 没有 OpenID 配置（HTTP {status}）</translation>
    </message>
    <message>
        <source>expires in {minutes} min</source>
        <translation>{minutes} 分钟后过期</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>{sign_in}; token {claims}</source>
        <translation>{sign_in}；令牌：{claims}</translation>
    </message>
    <message>
        <source>{domain}&apos;s tenant is in the {instance} cloud, not the one this run tests</source>
        <translation>{domain} 的租户位于 {instance} 云中，而不是本次运行测试的云</translation>
    </message>
    <message>
        <source>no OAuth sign-in in this run (a password, or no credentials)</source>
        <translation>本次运行没有 OAuth 登录（使用密码，或没有凭据）</translation>
    </message>
    <message>
        <source>no sign-in service</source>
        <translation>没有登录服务</translation>
    </message>
    <message>
        <source>The token: {described}.</source>
        <translation>令牌：{described}。</translation>
    </message>
    <message>
        <source>Access token claims (never the token itself)</source>
        <translation>访问令牌声明（绝不包含令牌本身）</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>诊断结果</translation>
    </message>
    <message>
        <source>not signed in: {cause}</source>
        <translation>未登录：{cause}</translation>
    </message>
    <message>
        <source>- {key}: {cause}</source>
        <translation>- {key}：{cause}</translation>
    </message>
    <message>
        <source>Named cause</source>
        <translation>已识别的原因</translation>
    </message>
    <message>
        <source>Outlook autodiscover</source>
        <translation>Outlook 自动发现</translation>
    </message>
    <message>
        <source>Outlook tries candidates one at a time: it would have spent {seconds} s on {count} candidates before this one.</source>
        <translation>Outlook 逐个尝试候选项：在此候选项之前，它会在 {count} 个候选项上花费 {seconds} 秒。</translation>
    </message>
    <message>
        <source>Outlook would use {candidate} → EWS {url}</source>
        <translation>Outlook 将使用 {candidate} → EWS {url}</translation>
    </message>
    <message>
        <source>v2 found EWS at {url}; sign in to read the full Outlook settings</source>
        <translation>v2 在 {url} 找到了 EWS；登录后可读取完整的 Outlook 设置</translation>
    </message>
    <message>
        <source>{candidate} answers; sign in to read the settings</source>
        <translation>{candidate} 有响应；登录后可读取设置</translation>
    </message>
    <message>
        <source>no candidate returned Outlook settings; using {source}</source>
        <translation>没有候选项返回 Outlook 设置；改用 {source}</translation>
    </message>
    <message>
        <source>no autodiscover candidate answered usefully</source>
        <translation>没有任何自动发现候选项给出可用的响应</translation>
    </message>
    <message>
        <source>{summary} (first problem: {candidate}: {problem})</source>
        <translation>{summary}（第一个问题：{candidate}：{problem}）</translation>
    </message>
    <message>
        <source>Outlook tries candidates one at a time: it would have spent {seconds} s on 1 candidate before this one.</source>
        <translation>Outlook 逐个尝试候选项：在此候选项之前，它会在 1 个候选项上花费 {seconds} 秒。</translation>
    </message>
    <message>
        <source>Candidates in Outlook&apos;s order</source>
        <translation>按 Outlook 尝试顺序排列的候选项</translation>
    </message>
    <message>
        <source>Using the cloud&apos;s default endpoints; autodiscover did not supply settings.</source>
        <translation>正在使用该云的默认终结点；自动发现未提供设置。</translation>
    </message>
    <message>
        <source>The discovered endpoints match the cloud defaults.</source>
        <translation>发现的终结点与该云的默认值一致。</translation>
    </message>
    <message>
        <source>Make {candidate} fail fast (answer or refuse the connection instead of dropping it), or remove the DNS record that leads there: Outlook tries the candidates one at a time.</source>
        <translation>让 {candidate} 快速失败（响应或拒绝连接，而不是丢弃连接），或删除指向它的 DNS 记录：Outlook 会逐个尝试候选项。</translation>
    </message>
    <message>
        <source>{summary}, after waiting {seconds} s on earlier candidates</source>
        <translation>{summary}，此前已在前面的候选项上等待 {seconds} 秒</translation>
    </message>
    <message>
        <source>Publish autodiscover: a CNAME autodiscover.{domain} to your cloud&apos;s autodiscover host, or an A record to your Exchange server with a valid certificate.</source>
        <translation>发布自动发现：将 CNAME 记录 autodiscover.{domain} 指向你所用云的自动发现主机，或将 A 记录指向具有有效证书的 Exchange 服务器。</translation>
    </message>
    <message>
        <source>{summary}; but {candidate} fails TLS first, so Outlook may show a warning</source>
        <translation>{summary}；但 {candidate} 先出现 TLS 失败，因此 Outlook 可能会显示警告</translation>
    </message>
    <message>
        <source>{setting}: autodiscover says {found}; the cloud default is {default}</source>
        <translation>{setting}：自动发现给出的是 {found}；该云的默认值为 {default}</translation>
    </message>
    <message>
        <source>Fix or remove that candidate (often the domain&apos;s web site answering on https://&lt;domain&gt;/autodiscover with its own certificate).</source>
        <translation>修复或删除该候选项（通常是域的网站在 https://&lt;domain&gt;/autodiscover 上使用自己的证书进行响应）。</translation>
    </message>
    <message>
        <source>POST {url}</source>
        <translation>POST {url}</translation>
    </message>
    <message>
        <source>GET {url} (redirect only)</source>
        <translation>GET {url}（仅重定向）</translation>
    </message>
    <message>
        <source>SRV {name}</source>
        <translation>SRV {name}</translation>
    </message>
    <message>
        <source>Active Directory SCP</source>
        <translation>Active Directory 服务连接点 (SCP)</translation>
    </message>
    <message>
        <source>GET {url}</source>
        <translation>GET {url}</translation>
    </message>
    <message>
        <source>302 redirect to {location}</source>
        <translation>302 重定向到 {location}</translation>
    </message>
    <message>
        <source>SRV points at {target}:{port}</source>
        <translation>SRV 指向 {target}:{port}</translation>
    </message>
    <message>
        <source>SCP lookup in Active Directory is not built yet</source>
        <translation>尚未实现在 Active Directory 中查找 SCP</translation>
    </message>
    <message>
        <source>not a domain-joined Windows computer: Outlook only looks up SCP there</source>
        <translation>这不是已加入域的 Windows 计算机：Outlook 只在此类计算机上查找 SCP</translation>
    </message>
    <message>
        <source>EWS: {ews_url}; POX: {pox_url}</source>
        <translation>EWS：{ews_url}；POX：{pox_url}</translation>
    </message>
    <message>
        <source>EWS: {ews_url}</source>
        <translation>EWS：{ews_url}</translation>
    </message>
    <message>
        <source>answered HTTP {status}, not a 302 redirect</source>
        <translation>返回 HTTP {status}，而不是 302 重定向</translation>
    </message>
    <message>
        <source>DNS answers</source>
        <translation>DNS 应答</translation>
    </message>
    <message>
        <source>no SRV record ({outcome})</source>
        <translation>没有 SRV 记录（{outcome}）</translation>
    </message>
    <message>
        <source>the SRV record points at {target}:{port}; Outlook only uses port 443</source>
        <translation>SRV 记录指向 {target}:{port}；Outlook 只使用端口 443</translation>
    </message>
    <message>
        <source>v2 names {url} as the POX endpoint (direct connect)</source>
        <translation>v2 指定 {url} 作为 POX 终结点（直接连接）</translation>
    </message>
    <message>
        <source>no EWS URL in the answer (HTTP {status})</source>
        <translation>响应中没有 EWS URL（HTTP {status}）</translation>
    </message>
    <message>
        <source>TLS {host}</source>
        <translation>TLS {host}</translation>
    </message>
    <message>
        <source>Check that the mailbox exists in this cloud.</source>
        <translation>检查该邮箱是否存在于此云中。</translation>
    </message>
    <message>
        <source>{host} is outside {domains} and not a Microsoft endpoint</source>
        <translation>{host} 不在 {domains} 之内，也不是 Microsoft 终结点</translation>
    </message>
    <message>
        <source>the redirect goes to {url}, which is not HTTPS; not followed</source>
        <translation>重定向指向 {url}，它不是 HTTPS；未跟随</translation>
    </message>
    <message>
        <source>the redirect target &apos;{url}&apos; has no host name; not followed</source>
        <translation>重定向目标“{url}”没有主机名；未跟随</translation>
    </message>
    <message>
        <source>the redirect goes to {host}, an autodiscover.&lt;public suffix&gt; host; not followed</source>
        <translation>重定向指向 {host}，这是 autodiscover.&lt;公共后缀&gt; 形式的主机；未跟随</translation>
    </message>
    <message>
        <source>{url} is not HTTPS: credentials never go over plain HTTP</source>
        <translation>{url} 不是 HTTPS：凭据绝不会通过明文 HTTP 发送</translation>
    </message>
    <message>
        <source>{host} is autodiscover.&lt;public suffix&gt;: anyone can own it (the 2021 autodiscover leak); credentials are never sent there</source>
        <translation>{host} 是 autodiscover.&lt;公共后缀&gt;：任何人都可能拥有它（2021 年的自动发现泄露问题）；绝不会向其发送凭据</translation>
    </message>
    <message>
        <source>the certificate of {host} did not validate: credentials are not sent</source>
        <translation>{host} 的证书未通过验证：不发送凭据</translation>
    </message>
    <message>
        <source>{host} is within {domain}</source>
        <translation>{host} 属于 {domain}</translation>
    </message>
    <message>
        <source>{host} is a Microsoft 365 endpoint</source>
        <translation>{host} 是 Microsoft 365 终结点</translation>
    </message>
    <message>
        <source>the e-mail address cannot be found (no mailbox with this address, or autodiscover served by the wrong organisation)</source>
        <translation>找不到该电子邮件地址（没有使用此地址的邮箱，或自动发现由错误的组织提供）</translation>
    </message>
    <message>
        <source>bad address: the address is known but has no configuration (not a mailbox?)</source>
        <translation>地址错误：该地址已知，但没有配置（不是邮箱？）</translation>
    </message>
    <message>
        <source>bad address: the address is known but its configuration is broken</source>
        <translation>地址错误：该地址已知，但其配置已损坏</translation>
    </message>
    <message>
        <source>invalid request: the request XML was not understood</source>
        <translation>请求无效：无法理解请求 XML</translation>
    </message>
    <message>
        <source>the server cannot answer with the Outlook settings schema</source>
        <translation>服务器无法使用 Outlook 设置架构进行响应</translation>
    </message>
    <message>
        <source>bad address: configuration errors for this address</source>
        <translation>地址错误：此地址存在配置错误</translation>
    </message>
    <message>
        <source>the autodiscover server had an internal error</source>
        <translation>自动发现服务器发生内部错误</translation>
    </message>
    <message>
        <source>error {code}: {meaning} (server said: {server_said})</source>
        <translation>错误 {code}：{meaning}（服务器返回：{server_said}）</translation>
    </message>
    <message>
        <source>unknown error code</source>
        <translation>未知错误代码</translation>
    </message>
    <message>
        <source>the response&apos;s root element is {element}, not an Autodiscover response in {namespace}</source>
        <translation>响应的根元素是 {element}，而不是 {namespace} 中的 Autodiscover 响应</translation>
    </message>
    <message>
        <source>the response has no &lt;Response&gt; element</source>
        <translation>响应中没有 &lt;Response&gt; 元素</translation>
    </message>
    <message>
        <source>the response uses the schema &apos;{schema}&apos;, not the Outlook schema {expected} that was asked for</source>
        <translation>响应使用的架构是“{schema}”，而不是请求的 Outlook 架构 {expected}</translation>
    </message>
    <message>
        <source>the response has neither &lt;Account&gt; nor &lt;Error&gt;</source>
        <translation>响应中既没有 &lt;Account&gt; 也没有 &lt;Error&gt;</translation>
    </message>
    <message>
        <source>unknown &lt;Action&gt; &apos;{action}&apos; (expected settings or a redirect)</source>
        <translation>未知的 &lt;Action&gt;“{action}”（应为 settings 或重定向）</translation>
    </message>
    <message>
        <source>the response uses XML entities or a DTD, which autodiscover never needs and which can be an attack (an &apos;XML bomb&apos;); refused ({error})</source>
        <translation>响应使用了 XML 实体或 DTD，自动发现从不需要这些，而且它们可能是攻击（“XML 炸弹”）；已拒绝（{error}）</translation>
    </message>
    <message>
        <source>the response is not well-formed XML ({error})</source>
        <translation>响应不是格式正确的 XML（{error}）</translation>
    </message>
    <message>
        <source>the response uses the schema &apos;none&apos;, not the Outlook schema {expected} that was asked for</source>
        <translation>响应使用的架构为“none”（未声明架构），而不是所请求的 Outlook 架构 {expected}</translation>
    </message>
    <message>
        <source>Discovered settings</source>
        <translation>已发现的设置</translation>
    </message>
    <message>
        <source>SOAP GetUserSettings at {url}</source>
        <translation>{url} 上的 SOAP GetUserSettings</translation>
    </message>
    <message>
        <source>answers and asks for sign-in ({schemes})</source>
        <translation>有应答并要求登录（{schemes}）</translation>
    </message>
    <message>
        <source>answers and asks for sign-in (no scheme)</source>
        <translation>有响应并要求登录（未指定方案）</translation>
    </message>
    <message>
        <source>the SOAP response is not usable XML ({error})</source>
        <translation>SOAP 响应不是可用的 XML（{error}）</translation>
    </message>
    <message>
        <source>answered with an error: {error}</source>
        <translation>返回了错误：{error}</translation>
    </message>
    <message>
        <source>answered HTTP {status}</source>
        <translation>返回 HTTP {status}</translation>
    </message>
    <message>
        <source>answered with an error: no settings</source>
        <translation>返回了错误：没有设置</translation>
    </message>
    <message>
        <source>EWS URL {url} (what exchangelib and EWS clients find)</source>
        <translation>EWS URL {url}（exchangelib 和 EWS 客户端会找到的地址）</translation>
    </message>
    <message>
        <source>403 Forbidden: the server refuses autodiscover here (an access rule, or the virtual directory requires client certificates)</source>
        <translation>403 Forbidden：服务器在此拒绝自动发现（访问规则所致，或虚拟目录要求客户端证书）</translation>
    </message>
    <message>
        <source>404 Not Found: there is no autodiscover service at this URL</source>
        <translation>404 Not Found：此 URL 上没有自动发现服务</translation>
    </message>
    <message>
        <source>405 Method Not Allowed: this URL does not accept autodiscover requests</source>
        <translation>405 Method Not Allowed：此 URL 不接受自动发现请求</translation>
    </message>
    <message>
        <source>500 Internal Server Error: the autodiscover service failed</source>
        <translation>500 Internal Server Error：自动发现服务出现故障</translation>
    </message>
    <message>
        <source>502 Bad Gateway: a proxy or load balancer could not reach the Exchange server</source>
        <translation>502 Bad Gateway：代理或负载均衡器无法访问 Exchange 服务器</translation>
    </message>
    <message>
        <source>503 Service Unavailable: the service or the server behind the balancer is down</source>
        <translation>503 Service Unavailable：该服务或负载均衡器后面的服务器已停止运行</translation>
    </message>
    <message>
        <source>HTTP {status} {status_text}</source>
        <translation>HTTP {status} {status_text}</translation>
    </message>
    <message>
        <source>more than {hops} redirects; stopped</source>
        <translation>重定向超过 {hops} 次；已停止</translation>
    </message>
    <message>
        <source>credentials not sent: {reason}</source>
        <translation>未发送凭据：{reason}</translation>
    </message>
    <message>
        <source>If this candidate should work, check that the host name resolves to your Exchange server or load balancer and that TCP 443 is open to it. If it is not used, nothing needs to change: Outlook moves on to the next candidate.</source>
        <translation>如果此候选项应当可用，请检查该主机名是否解析到你的 Exchange 服务器或负载均衡器，并且到它的 TCP 443 端口已开放。如果未使用此候选项，则无需更改：Outlook 会继续尝试下一个候选项。</translation>
    </message>
    <message>
        <source>Check the Exchange server&apos;s event log and the MSExchangeAutodiscoverAppPool, and the load balancer&apos;s health checks.</source>
        <translation>检查 Exchange 服务器的事件日志和 MSExchangeAutodiscoverAppPool，以及负载均衡器的运行状况检查。</translation>
    </message>
    <message>
        <source>Check that the mailbox exists with this primary address and that autodiscover for this domain is served by the organisation that hosts it (hybrid: the on-premises server must know the remote mailbox).</source>
        <translation>检查是否存在使用此主地址的邮箱，以及此域的自动发现是否由托管该邮箱的组织提供（混合部署：本地服务器必须知道该远程邮箱）。</translation>
    </message>
    <message>
        <source>POST {url} ({how}, as {user})</source>
        <translation>POST {url}（{how}，以 {user} 身份）</translation>
    </message>
    <message>
        <source>sending credentials to {host}: {reason}</source>
        <translation>正在向 {host} 发送凭据：{reason}</translation>
    </message>
    <message>
        <source>The web proxy stopped this request before it reached the server: ask for the autodiscover, Exchange and Microsoft 365 endpoints to be allowed through it without sign-in, or compare from a network without the proxy.</source>
        <translation>Web 代理在此请求到达服务器之前就将其拦下：请要求允许自动发现、Exchange 和 Microsoft 365 终结点无需登录即可通过该代理，或在不经过该代理的网络中对比测试。</translation>
    </message>
    <message>
        <source>Check the Autodiscover virtual directory&apos;s authentication and SSL settings (Get-AutodiscoverVirtualDirectory) and any reverse proxy rules.</source>
        <translation>检查 Autodiscover 虚拟目录的身份验证和 SSL 设置（Get-AutodiscoverVirtualDirectory）以及所有反向代理规则。</translation>
    </message>
    <message>
        <source>This host has no autodiscover service; if it is a web site, that is expected. Publish autodiscover on autodiscover.&lt;domain&gt; instead.</source>
        <translation>此主机上没有自动发现服务；如果它是网站，这属于正常情况。请改为在 autodiscover.&lt;domain&gt; 上发布自动发现。</translation>
    </message>
    <message>
        <source>ask {url} for {email}</source>
        <translation>向 {url} 查询 {email}</translation>
    </message>
    <message>
        <source>redirectUrl: {url} → {target}</source>
        <translation>redirectUrl：{url} → {target}</translation>
    </message>
    <message>
        <source>answers and asks for sign-in ({schemes}); no credentials in this run</source>
        <translation>有响应并要求登录（{schemes}）；本次运行未提供凭据</translation>
    </message>
    <message>
        <source>the server offers {schemes}, not Bearer: an OAuth sign-in cannot be tested here (on-premises Exchange needs Hybrid Modern Authentication for it)</source>
        <translation>服务器提供的是 {schemes}，而不是 Bearer：无法在此测试 OAuth 登录（本地 Exchange 需要混合新式身份验证才能支持）</translation>
    </message>
    <message>
        <source>the server offers {schemes}, not Basic: a password sign-in cannot be tested here (use OAuth, or test from a domain-joined machine)</source>
        <translation>服务器提供的是 {schemes}，而不是 Basic：无法在此测试密码登录（请使用 OAuth，或在已加入域的计算机上测试）</translation>
    </message>
    <message>
        <source>the server also offers {schemes}; Outlook would prefer those. This test signed in with Basic.</source>
        <translation>服务器还提供 {schemes}；Outlook 会优先使用这些方案。本次测试使用 Basic 登录。</translation>
    </message>
    <message>
        <source>{host} rejected the OAuth token</source>
        <translation>{host} 拒绝了 OAuth 令牌</translation>
    </message>
    <message>
        <source>{host} rejected the user name or password</source>
        <translation>{host} 拒绝了用户名或密码</translation>
    </message>
    <message>
        <source>it did not validate</source>
        <translation>证书未通过验证</translation>
    </message>
    <message>
        <source>refused {host}: an autodiscover.&lt;public suffix&gt; host anyone can own; nothing was sent</source>
        <translation>已拒绝 {host}：这是任何人都可能拥有的 autodiscover.&lt;公共后缀&gt; 主机；未发送任何内容</translation>
    </message>
    <message>
        <source>redirect loop: {url} for {email} was already asked</source>
        <translation>重定向循环：已经向 {url} 查询过 {email}</translation>
    </message>
    <message>
        <source>HTTP {status} redirect to {location}</source>
        <translation>HTTP {status} 重定向到 {location}</translation>
    </message>
    <message>
        <source>the response is larger than {kb} KB; refused (an autodiscover answer is a few KB)</source>
        <translation>响应大于 {kb} KB；已拒绝（自动发现响应通常只有几 KB）</translation>
    </message>
    <message>
        <source>settings for {email} from {host}</source>
        <translation>来自 {host} 的 {email} 的设置</translation>
    </message>
    <message>
        <source>redirectAddr: {email} → {new_email}</source>
        <translation>redirectAddr：{email} → {new_email}</translation>
    </message>
    <message>
        <source>redirectAddr &apos;{address_value}&apos; is not an address</source>
        <translation>redirectAddr“{address_value}”不是有效地址</translation>
    </message>
    <message>
        <source>Compare the token&apos;s audience and scopes (auth.token) with what Exchange needs: https://outlook.office.com/EWS.AccessAsUser.All for autodiscover.</source>
        <translation>将令牌的受众和作用域（auth.token）与 Exchange 的要求进行比较：自动发现需要 https://outlook.office.com/EWS.AccessAsUser.All。</translation>
    </message>
    <message>
        <source>Check the password and that the login name is the user&apos;s UPN; for Exchange Online, Basic authentication for autodiscover may be disabled (use OAuth).</source>
        <translation>检查密码，并确认登录名是用户的 UPN；对于 Exchange Online，自动发现的基本身份验证可能已禁用（请使用 OAuth）。</translation>
    </message>
    <message>
        <source>Correct the targetAddress / redirect settings so the chain ends at the mailbox&apos;s real address (check Get-MailUser/Get-RemoteMailbox).</source>
        <translation>更正 targetAddress/重定向设置，使重定向链以邮箱的真实地址结束（检查 Get-MailUser/Get-RemoteMailbox）。</translation>
    </message>
    <message>
        <source>header</source>
        <translation>头部</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>the token&apos;s {part} is not a JSON object: the token is broken (cut off or mangled)</source>
        <translation>令牌的{part}不是 JSON 对象：令牌已损坏（被截断或篡改）</translation>
    </message>
    <message>
        <source>the token is empty</source>
        <translation>令牌为空</translation>
    </message>
    <message>
        <source>the token contains spaces or line breaks: a bearer token cannot (RFC 6750); it was probably copied with extra text or wrapped</source>
        <translation>令牌包含空格或换行：持有者令牌不能包含这些字符（RFC 6750）；可能复制时带上了多余文字或被折行</translation>
    </message>
    <message>
        <source>the token contains characters a bearer token cannot (RFC 6750 allows letters, digits and - . _ ~ + / =)</source>
        <translation>令牌包含持有者令牌不允许的字符（RFC 6750 只允许字母、数字以及 - . _ ~ + / =）</translation>
    </message>
    <message>
        <source>the token is encrypted (JWE): only its audience can read its claims</source>
        <translation>令牌已加密 (JWE)：只有其受众能读取其声明</translation>
    </message>
    <message>
        <source>the token is opaque, not a JWT (personal Microsoft account tokens, EwA…, look like this): only the service that issued it can read it</source>
        <translation>令牌是不透明令牌而非 JWT（个人 Microsoft 帐户的令牌 EwA… 就是这样）：只有颁发它的服务能读取</translation>
    </message>
    <message>
        <source>the token has {count} parts separated by dots; a JWT has three (five when encrypted): it was cut off or mangled</source>
        <translation>令牌有 {count} 个以点分隔的部分；JWT 应有三个（加密时为五个）：令牌被截断或篡改</translation>
    </message>
    <message>
        <source>the token&apos;s {part} is not base64url: the token was cut off or mangled on its way here</source>
        <translation>令牌的{part}不是 base64url：令牌在传递过程中被截断或篡改</translation>
    </message>
    <message>
        <source>&lt;application (client) ID&gt;</source>
        <translation>&lt;应用程序（客户端）ID&gt;</translation>
    </message>
    <message>
        <source>&lt;mailbox&gt;</source>
        <translation>&lt;邮箱&gt;</translation>
    </message>
    <message>
        <source>In the app registration, API permissions: add {names} under Office 365 Exchange Online (APIs my organization uses), as Application permissions, and grant admin consent.</source>
        <translation>在应用注册的“API 权限”中：在 Office 365 Exchange Online（我的组织使用的 API）下以“应用程序权限”添加 {names}，并授予管理员同意。</translation>
    </message>
    <message>
        <source>For IMAP, POP and SMTP, register the app&apos;s service principal in Exchange Online and give it the mailbox: New-ServicePrincipal -AppId {app} -ObjectId &lt;object ID of its enterprise application&gt;, then Add-MailboxPermission -Identity {mailbox} -User &lt;that service principal&gt; -AccessRights FullAccess.</source>
        <translation>对于 IMAP、POP 和 SMTP，请在 Exchange Online 中注册该应用的服务主体并授予其邮箱访问权限：New-ServicePrincipal -AppId {app} -ObjectId &lt;其企业应用程序的对象 ID&gt;，然后 Add-MailboxPermission -Identity {mailbox} -User &lt;该服务主体&gt; -AccessRights FullAccess。</translation>
    </message>
    <message>
        <source>For EWS, full_access_as_app opens every mailbox; limit it with an application access policy (New-ApplicationAccessPolicy) or RBAC for Applications.</source>
        <translation>对于 EWS，full_access_as_app 可打开所有邮箱；请用应用程序访问策略 (New-ApplicationAccessPolicy) 或应用程序 RBAC 加以限制。</translation>
    </message>
    <message>
        <source>signed in as {user} to test {mailbox}: XOAUTH2 and EWS open the mailbox of the token&apos;s user, so this works only if {mailbox} is shared with {user}</source>
        <translation>以 {user} 登录来测试 {mailbox}：XOAUTH2 和 EWS 打开的是令牌所属用户的邮箱，因此只有当 {mailbox} 与 {user} 共享时才可行</translation>
    </message>
    <message>
        <source>If {mailbox} is a shared mailbox, give {user} FullAccess to it (Add-MailboxPermission) and this is right; otherwise sign in as {mailbox}&apos;s own user.</source>
        <translation>如果 {mailbox} 是共享邮箱，请授予 {user} 完全访问权限 (Add-MailboxPermission)，这样就是正确的；否则请以 {mailbox} 自己的用户登录。</translation>
    </message>
    <message>
        <source>the token belongs to a personal Microsoft account ({user}), not a work account: it cannot open a mailbox of this organisation</source>
        <translation>令牌属于个人 Microsoft 帐户（{user}），而不是工作帐户：无法打开此组织的邮箱</translation>
    </message>
    <message>
        <source>Sign in with the work account of the mailbox (its user principal name), at the organisation&apos;s tenant rather than &apos;consumers&apos; or &apos;common&apos;.</source>
        <translation>请使用该邮箱的工作帐户（其用户主体名称）在组织的租户中登录，而不是在“consumers”或“common”中登录。</translation>
    </message>
    <message>
        <source>the token belongs to a guest account ({user}, signed in by {provider}): a guest of this tenant has no mailbox here and cannot open one over IMAP, POP, SMTP or EWS</source>
        <translation>令牌属于来宾帐户（{user}，由 {provider} 登录）：此租户的来宾在这里没有邮箱，也无法通过 IMAP、POP、SMTP 或 EWS 打开邮箱</translation>
    </message>
    <message>
        <source>Sign in as the mailbox&apos;s own member account of this tenant; a guest (#EXT#) account is for SharePoint and Teams, not for Exchange mailboxes.</source>
        <translation>请以该邮箱在此租户中的成员帐户登录；来宾 (#EXT#) 帐户用于 SharePoint 和 Teams，而不是 Exchange 邮箱。</translation>
    </message>
    <message>
        <source>another organisation</source>
        <translation>另一个组织</translation>
    </message>
    <message>
        <source>{reason}; its claims cannot be checked here: the sign-ins below are the judge</source>
        <translation>{reason}；此处无法检查其声明：以下各项登录才是判断依据</translation>
    </message>
    <message>
        <source>the redirect target &apos;{url}&apos; has a host name that does not normalise to one ASCII name; not followed</source>
        <translation>重定向目标“{url}”的主机名无法规范化为唯一的 ASCII 名称；未跟随</translation>
    </message>
    <message>
        <source>the host name in {url} does not normalise to one ASCII name: credentials are not sent</source>
        <translation>{url} 中的主机名无法规范化为唯一的 ASCII 名称：不发送凭据</translation>
    </message>
    <message>
        <source>the response has more than {count} XML elements, which is not a plausible autodiscover answer (a real one has a few hundred); refused</source>
        <translation>响应包含超过 {count} 个 XML 元素，不像是真实的自动发现应答（真实应答只有几百个）；已拒绝</translation>
    </message>
    <message>
        <source>the answer&apos;s &lt;ErrorCode&gt; is not an error code: {problem}</source>
        <translation>应答中的 &lt;ErrorCode&gt; 不是错误代码：{problem}</translation>
    </message>
    <message>
        <source>the {protocol} settings name a &lt;Port&gt; that is not a port: {problem}</source>
        <translation>{protocol} 设置中的 &lt;Port&gt; 不是端口号：{problem}</translation>
    </message>
    <message>
        <source>the SOAP response has more than {count} XML elements, which is not a plausible GetUserSettings answer; refused</source>
        <translation>SOAP 响应包含超过 {count} 个 XML 元素，不像是真实的 GetUserSettings 应答；已拒绝</translation>
    </message>
    <message>
        <source>{domain} may receive credentials in this run: the signed-in answer from {url} vouches for it</source>
        <translation>本次运行中 {domain} 可以接收凭据：来自 {url} 的已登录应答为其担保</translation>
    </message>
    <message>
        <source>the answer came without sign-in: the domain of {new_email} is data, not permission; credentials go there only if it is your domain, Microsoft&apos;s, or you allow it</source>
        <translation>该应答未经登录：{new_email} 的域只是数据，不是许可；只有当它是您的域、Microsoft 的域或您允许时，凭据才会发往那里</translation>
    </message>
    <message>
        <source>the domain of {address} is a public suffix or not a valid name: it is never trusted with credentials</source>
        <translation>{address} 的域是公共后缀或不是有效名称：永远不会向其托付凭据</translation>
    </message>
    <message>
        <source>refused {url}: {reason}</source>
        <translation>已拒绝 {url}：{reason}</translation>
    </message>
    <message>
        <source>no scheme named</source>
        <translation>未指定方案</translation>
    </message>
    <message>
        <source>DNS resolvers answer</source>
        <translation>DNS 解析器有应答</translation>
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
        <translation>DNSSEC</translation>
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
        <translation>没有多余的 msoid 记录</translation>
    </message>
    <message>
        <source>with no &apos;all&apos; term, other senders are neutral</source>
        <translation>由于没有 &apos;all&apos; 项，其他发件方的结果为中性（neutral）</translation>
    </message>
    <message>
        <source>+all lets anyone send as you</source>
        <translation>+all 允许任何人以你的名义发送邮件</translation>
    </message>
    <message>
        <source>?all says nothing about others</source>
        <translation>?all 对其他发件方不作任何声明</translation>
    </message>
    <message>
        <source>Correct the record; a minimal valid one is: {record}</source>
        <translation>请更正该记录；最简的有效记录为：{record}</translation>
    </message>
    <message>
        <source>SPF record authorises the right senders</source>
        <translation>SPF 记录授权了正确的发件方</translation>
    </message>
    <message>
        <source>1 DNS lookup, {void} void</source>
        <translation>1 次 DNS 查询，{void} 次空查询</translation>
    </message>
    <message>
        <source>{lookups} DNS lookups, {void} void</source>
        <translation>{lookups} 次 DNS 查询，{void} 次空查询</translation>
    </message>
    <message>
        <source>Reduce the DNS lookups to 10 or fewer: remove includes for services you no longer use, replace &apos;a&apos;/&apos;mx&apos;/&apos;ptr&apos; terms with ip4:/ip6: ranges, or move a sending service to a subdomain with its own SPF record.</source>
        <translation>将 DNS 查询减少到 10 次或更少：删除不再使用的服务的 include，用 ip4:/ip6: 地址范围替换 &apos;a&apos;/&apos;mx&apos;/&apos;ptr&apos; 项，或将某个发送服务迁移到拥有自己 SPF 记录的子域。</translation>
    </message>
    <message>
        <source>Remove the include that points back to a domain already in the chain.</source>
        <translation>删除指回链中已有域的 include。</translation>
    </message>
    <message>
        <source>Add include:{include} to the record, e.g. {record}</source>
        <translation>在记录中添加 include:{include}，例如：{record}</translation>
    </message>
    <message>
        <source>DKIM selectors for Microsoft 365</source>
        <translation>Microsoft 365 的 DKIM 选择器</translation>
    </message>
    <message>
        <source>{name} is missing</source>
        <translation>缺少 {name}</translation>
    </message>
    <message>
        <source>{selector} points at {target}, not Microsoft 365</source>
        <translation>{selector} 指向 {target}，而不是 Microsoft 365</translation>
    </message>
    <message>
        <source>{selector} → {target}, which has no key yet (DKIM not enabled in the tenant?)</source>
        <translation>{selector} → {target}，但该名称尚无密钥（租户中未启用 DKIM？）</translation>
    </message>
    <message>
        <source>SPF include tree</source>
        <translation>SPF include 树</translation>
    </message>
    <message>
        <source>Lookups made while expanding</source>
        <translation>展开时进行的查询</translation>
    </message>
    <message>
        <source>it does not include {include}, so mail sent by Exchange Online fails SPF</source>
        <translation>记录未包含 {include}，因此 Exchange Online 发送的邮件无法通过 SPF</translation>
    </message>
    <message>
        <source>{record} ({counts})</source>
        <translation>{record}（{counts}）</translation>
    </message>
    <message>
        <source>{selector} is a TXT key, not the CNAME Exchange Online signs with</source>
        <translation>{selector} 是 TXT 密钥，而不是 Exchange Online 签名所用的 CNAME</translation>
    </message>
    <message>
        <source>{domain} has no SPF record: receivers cannot tell forged mail from yours</source>
        <translation>{domain} 没有 SPF 记录：收件方无法区分伪造邮件与你的邮件</translation>
    </message>
    <message>
        <source>{domain} has {count} SPF records; receivers treat that as a permanent error (RFC 7208 §4.5)</source>
        <translation>{domain} 有 {count} 条 SPF 记录；收件方将其视为永久错误（RFC 7208 §4.5）</translation>
    </message>
    <message>
        <source>SPF is valid ({counts}) but {meaning}</source>
        <translation>SPF 有效（{counts}），但{meaning}</translation>
    </message>
    <message>
        <source>Exchange Server does not sign with DKIM itself; a gateway may.</source>
        <translation>Exchange Server 本身不进行 DKIM 签名；网关可能会签名。</translation>
    </message>
    <message>
        <source>selector1 and selector2 point at Microsoft 365</source>
        <translation>selector1 和 selector2 指向 Microsoft 365</translation>
    </message>
    <message>
        <source>In the Microsoft Defender portal (Email authentication settings &gt; DKIM) select {domain}, copy the two CNAME values it shows, publish them as selector1._domainkey.{domain} and selector2._domainkey.{domain}, then enable signing. Until then Exchange Online signs with the onmicrosoft.com domain, which does not align for DMARC.</source>
        <translation>在 Microsoft Defender 门户（“电子邮件身份验证设置” &gt; DKIM）中选择 {domain}，复制显示的两个 CNAME 值，将其发布为 selector1._domainkey.{domain} 和 selector2._domainkey.{domain}，然后启用签名。在此之前，Exchange Online 使用 onmicrosoft.com 域签名，这在 DMARC 中无法对齐。</translation>
    </message>
    <message>
        <source>no DMARC record at {name}: receivers apply their own policy to forgeries</source>
        <translation>{name} 处没有 DMARC 记录：收件方会对伪造邮件采用自己的策略</translation>
    </message>
    <message>
        <source>{count} DMARC records at {name}; receivers ignore them all</source>
        <translation>{name} 处有 {count} 条 DMARC 记录；收件方会全部忽略</translation>
    </message>
    <message>
        <source>DMARC record is invalid: {problems}</source>
        <translation>DMARC 记录无效：{problems}</translation>
    </message>
    <message>
        <source>p=none: monitoring only, spoofed mail is still delivered</source>
        <translation>p=none：仅监视，伪造邮件仍会被投递</translation>
    </message>
    <message>
        <source>Publish one TXT record at {domain}: {record}</source>
        <translation>在 {domain} 发布一条 TXT 记录：{record}</translation>
    </message>
    <message>
        <source>Merge them into one TXT record that starts with v=spf1, with every include in it, and delete the others.</source>
        <translation>将它们合并为一条以 v=spf1 开头、包含所有 include 的 TXT 记录，并删除其他记录。</translation>
    </message>
    <message>
        <source>End the record with -all (or ~all while testing).</source>
        <translation>以 -all 结束记录（测试期间可用 ~all）。</translation>
    </message>
    <message>
        <source>Publish a TXT record at {name}: {record}</source>
        <translation>在 {name} 发布 TXT 记录：{record}</translation>
    </message>
    <message>
        <source>Keep exactly one v=DMARC1 record.</source>
        <translation>只保留一条 v=DMARC1 记录。</translation>
    </message>
    <message>
        <source>Correct the record, e.g. {record}</source>
        <translation>请更正该记录，例如：{record}</translation>
    </message>
    <message>
        <source>Once the aggregate reports show your real senders pass, move to p=quarantine and then p=reject.</source>
        <translation>当聚合报告显示你的真实发件方均已通过后，改为 p=quarantine，然后改为 p=reject。</translation>
    </message>
    <message>
        <source>{outcome} ({error})</source>
        <translation>{outcome}（{error}）</translation>
    </message>
    <message>
        <source>could not look up {name} {rdtype}: {reason}</source>
        <translation>无法查询 {name} {rdtype}：{reason}</translation>
    </message>
    <message>
        <source>skipped: no DNS server answered (see dns.resolver)</source>
        <translation>已跳过：没有 DNS 服务器应答（请参阅 dns.resolver）</translation>
    </message>
    <message>
        <source>{name} is a CNAME loop: {chain}</source>
        <translation>{name} 是 CNAME 循环：{chain}</translation>
    </message>
    <message>
        <source>Tried: {servers}</source>
        <translation>已尝试：{servers}</translation>
    </message>
    <message>
        <source>Tried: no server</source>
        <translation>已尝试：无服务器</translation>
    </message>
    <message>
        <source>Check the domain&apos;s authoritative DNS servers with your DNS host: other mail servers will fail the same lookup. A SERVFAIL often means a broken DNSSEC signature or a lame delegation; a timeout, a server that is down or filtered.</source>
        <translation>请与 DNS 托管商一起检查该域的权威 DNS 服务器：其他邮件服务器的同一查询也会失败。SERVFAIL 通常表示 DNSSEC 签名损坏或委派失效（lame delegation）；超时则表示服务器已关闭或被过滤。</translation>
    </message>
    <message>
        <source>Fix the CNAME records at your DNS host so the chain ends at a real record; a loop makes the name unusable for every mail server.</source>
        <translation>在 DNS 托管商处修复 CNAME 记录，使链最终指向真实记录；循环会使该名称对所有邮件服务器都无法使用。</translation>
    </message>
    <message>
        <source>{server} answered in {ms} ms</source>
        <translation>{server} 在 {ms} 毫秒内应答</translation>
    </message>
    <message>
        <source>MX {preference} {host}</source>
        <translation>MX {preference} {host}</translation>
    </message>
    <message>
        <source>{resolvers}. Tried: {tried}</source>
        <translation>{resolvers}。已尝试：{tried}</translation>
    </message>
    <message>
        <source>{resolvers}. Tried: none</source>
        <translation>{resolvers}。已尝试：无</translation>
    </message>
    <message>
        <source>{server} answered SERVFAIL for {domain}</source>
        <translation>{server} 对 {domain} 应答 SERVFAIL</translation>
    </message>
    <message>
        <source>MX records route mail to the right place</source>
        <translation>MX 记录将邮件路由到正确的位置</translation>
    </message>
    <message>
        <source>This MX uses the mail.protection.outlook.com form. The newer *.mx.microsoft form supports inbound DNSSEC and DANE.</source>
        <translation>此 MX 使用 mail.protection.outlook.com 形式。较新的 *.mx.microsoft 形式支持入站 DNSSEC 和 DANE。</translation>
    </message>
    <message>
        <source>{host} is a CNAME loop: {chain}</source>
        <translation>{host} 是 CNAME 循环：{chain}</translation>
    </message>
    <message>
        <source>{host} has no address: {reasons}</source>
        <translation>{host} 没有地址：{reasons}</translation>
    </message>
    <message>
        <source>{host} is a CNAME ({chain})</source>
        <translation>{host} 是 CNAME（{chain}）</translation>
    </message>
    <message>
        <source>_autodiscover._tcp SRV record</source>
        <translation>_autodiscover._tcp SRV 记录</translation>
    </message>
    <message>
        <source>Correct for hybrid, where autodiscover.{domain} must reach your on-premises Exchange servers. For a cloud-only organisation use a CNAME to {expected}.</source>
        <translation>在混合部署中这是正确的，此时 autodiscover.{domain} 必须指向本地 Exchange 服务器。对于纯云组织，请使用指向 {expected} 的 CNAME。</translation>
    </message>
    <message>
        <source>Microsoft 365 domain verification record</source>
        <translation>Microsoft 365 域验证记录</translation>
    </message>
    <message>
        <source>verification TXT present: {records}</source>
        <translation>存在验证 TXT：{records}</translation>
    </message>
    <message>
        <source>no MS= verification TXT (only needed while a domain is being added)</source>
        <translation>没有 MS= 验证 TXT（仅在添加域期间需要）</translation>
    </message>
    <message>
        <source>No msoid CNAME outside 21Vianet</source>
        <translation>21Vianet 以外没有 msoid CNAME</translation>
    </message>
    <message>
        <source>Skype for Business / Teams DNS records</source>
        <translation>Skype for Business / Teams DNS 记录</translation>
    </message>
    <message>
        <source>published: {records} (Skype for Business Online retired {retired})</source>
        <translation>已发布：{records}（Skype for Business Online 已于 {retired} 停用）</translation>
    </message>
    <message>
        <source>no Skype for Business records (Skype for Business Online retired {retired})</source>
        <translation>没有 Skype for Business 记录（Skype for Business Online 已于 {retired} 停用）</translation>
    </message>
    <message>
        <source>At your DNS host, add one MX record for {domain} pointing at your tenant&apos;s host under {suffix} (shown in the Microsoft 365 admin center under Settings &gt; Domains).</source>
        <translation>在 DNS 托管商处为 {domain} 添加一条 MX 记录，指向你的租户在 {suffix} 下的主机（显示在 Microsoft 365 管理中心的“设置” &gt; “域”中）。</translation>
    </message>
    <message>
        <source>At your DNS host, add one MX record for {domain} pointing at your mail gateway or Exchange server.</source>
        <translation>在 DNS 托管商处为 {domain} 添加一条 MX 记录，指向你的邮件网关或 Exchange 服务器。</translation>
    </message>
    <message>
        <source>Correct the MX record to the exact host name shown for your domain in the admin center; every MX target must have an A or AAAA record.</source>
        <translation>将 MX 记录更正为管理中心中为你的域显示的准确主机名；每个 MX 目标都必须有 A 或 AAAA 记录。</translation>
    </message>
    <message>
        <source>MX records mix Microsoft 365 ({microsoft}) and other hosts ({others}): mail can bypass Exchange Online Protection</source>
        <translation>MX 记录混用了 Microsoft 365（{microsoft}）和其他主机（{others}）：邮件可能绕过 Exchange Online Protection</translation>
    </message>
    <message>
        <source>SRV: {records}</source>
        <translation>SRV：{records}</translation>
    </message>
    <message>
        <source>At your DNS host, create a CNAME record autodiscover.{domain} → {expected}.</source>
        <translation>在 DNS 托管商处创建 CNAME 记录 autodiscover.{domain} → {expected}。</translation>
    </message>
    <message>
        <source>Publish autodiscover.{domain} (A or CNAME) pointing at your Exchange server or load balancer.</source>
        <translation>发布指向你的 Exchange 服务器或负载均衡器的 autodiscover.{domain}（A 或 CNAME）。</translation>
    </message>
    <message>
        <source>{name} is a CNAME to {target}</source>
        <translation>{name} 是指向 {target} 的 CNAME</translation>
    </message>
    <message>
        <source>{name} → {target}, which does not resolve ({outcome})</source>
        <translation>{name} → {target}，但后者无法解析（{outcome}）</translation>
    </message>
    <message>
        <source>{name} has an A record ({addresses}), not a CNAME</source>
        <translation>{name} 是 A 记录（{addresses}），而不是 CNAME</translation>
    </message>
    <message>
        <source>{name} does not exist: Outlook falls back to slower discovery methods</source>
        <translation>{name} 不存在：Outlook 会退回到较慢的发现方法</translation>
    </message>
    <message>
        <source>msoid.{domain} → {target}: this record breaks Microsoft 365 sign-in</source>
        <translation>msoid.{domain} → {target}：此记录会导致 Microsoft 365 登录失败</translation>
    </message>
    <message>
        <source>The msoid CNAME sends Office clients to the 21Vianet sign-in service. Outside 21Vianet ({cloud} here) it makes activation and sign-in fail.</source>
        <translation>msoid CNAME 会将 Office 客户端引导到 21Vianet 登录服务。在 21Vianet 以外（此处为 {cloud}），它会导致激活和登录失败。</translation>
    </message>
    <message>
        <source>not published ({outcome})</source>
        <translation>未发布（{outcome}）</translation>
    </message>
    <message>
        <source>Teams-only tenants do not need these records. On-premises Lync/Skype pools and hybrid federation still use them.</source>
        <translation>仅使用 Teams 的租户不需要这些记录。本地 Lync/Skype 池和混合联合仍会使用它们。</translation>
    </message>
    <message>
        <source>no DNS server answered ({resolvers})</source>
        <translation>没有 DNS 服务器应答（{resolvers}）</translation>
    </message>
    <message>
        <source>{domain} does not exist in DNS (NXDOMAIN)</source>
        <translation>{domain} 在 DNS 中不存在（NXDOMAIN）</translation>
    </message>
    <message>
        <source>{domain} has no MX record: other servers cannot deliver mail to it</source>
        <translation>{domain} 没有 MX 记录：其他服务器无法向其投递邮件</translation>
    </message>
    <message>
        <source>{domain} publishes a null MX (RFC 7505): it declares it accepts no mail</source>
        <translation>{domain} 发布了空 MX（RFC 7505）：它声明不接收任何邮件</translation>
    </message>
    <message>
        <source>Keep only the Microsoft 365 MX record, or route all mail through one gateway and set up a connector with Enhanced Filtering for it.</source>
        <translation>只保留 Microsoft 365 的 MX 记录，或者让所有邮件都经过同一个网关，并为其设置启用增强筛选的连接器。</translation>
    </message>
    <message>
        <source>MX points at {hosts}, not Exchange Online ({suffix})</source>
        <translation>MX 指向 {hosts}，而不是 Exchange Online（{suffix}）</translation>
    </message>
    <message>
        <source>{name} is a CNAME to {target}, inside your own domain</source>
        <translation>{name} 是指向 {target} 的 CNAME，位于你自己的域内</translation>
    </message>
    <message>
        <source>no msoid record</source>
        <translation>没有 msoid 记录</translation>
    </message>
    <message>
        <source>msoid → {target} (expected for {cloud})</source>
        <translation>msoid → {target}（对于 {cloud} 属正常）</translation>
    </message>
    <message>
        <source>Delete the CNAME record msoid.{domain} at your DNS host.</source>
        <translation>在 DNS 托管商处删除 CNAME 记录 msoid.{domain}。</translation>
    </message>
    <message>
        <source>Nothing to change for Teams-only organisations.</source>
        <translation>仅使用 Teams 的组织无需更改。</translation>
    </message>
    <message>
        <source>Check the spelling of the domain, and that it is registered and delegated to your DNS host.</source>
        <translation>请检查域的拼写，并确认该域已注册且已委派给你的 DNS 托管商。</translation>
    </message>
    <message>
        <source>If a third-party filtering service is intended, set up an inbound connector and Enhanced Filtering for it; otherwise point the MX at your Microsoft 365 host.</source>
        <translation>如果有意使用第三方筛选服务，请为其设置入站连接器和增强筛选；否则请将 MX 指向你的 Microsoft 365 主机。</translation>
    </message>
    <message>
        <source>{count} MX records: {records}</source>
        <translation>{count} 条 MX 记录：{records}</translation>
    </message>
    <message>
        <source>{name} points at {target}, a Microsoft host but not {expected}</source>
        <translation>{name} 指向 {target}，这是 Microsoft 主机，但不是 {expected}</translation>
    </message>
    <message>
        <source>{name} points at {target}, a third party: Outlook would send credentials there</source>
        <translation>{name} 指向第三方主机 {target}：Outlook 会将凭据发送到那里</translation>
    </message>
    <message>
        <source>MX host is a CNAME: {records}</source>
        <translation>MX 主机是 CNAME：{records}</translation>
    </message>
    <message>
        <source>Remove that record. {remedy} A third-party autodiscover host receives your users&apos; passwords when Outlook signs in.</source>
        <translation>删除该记录。{remedy} Outlook 登录时，第三方自动发现主机会收到你的用户的密码。</translation>
    </message>
    <message>
        <source>Microsoft 365 expects exactly one MX record; remove the others.</source>
        <translation>Microsoft 365 要求只有一条 MX 记录；请删除其他记录。</translation>
    </message>
    <message>
        <source>Point the MX record straight at a host with A/AAAA records; RFC 2181 §10.3 forbids an MX that names a CNAME, and some senders refuse it.</source>
        <translation>让 MX 记录直接指向具有 A/AAAA 记录的主机；RFC 2181 §10.3 禁止 MX 指向 CNAME，一些发件方会拒绝这种记录。</translation>
    </message>
    <message>
        <source>Policy file</source>
        <translation>策略文件</translation>
    </message>
    <message>
        <source>HTTP {status}</source>
        <translation>HTTP {status}</translation>
    </message>
    <message>
        <source>SMTP TLS reporting (TLS-RPT)</source>
        <translation>SMTP TLS 报告（TLS-RPT）</translation>
    </message>
    <message>
        <source>DANE TLSA records for the MX hosts</source>
        <translation>MX 主机的 DANE TLSA 记录</translation>
    </message>
    <message>
        <source>SMTP {host}:{port}</source>
        <translation>SMTP {host}:{port}</translation>
    </message>
    <message>
        <source>certificate matches TLSA ({usage})</source>
        <translation>证书与 TLSA 匹配（{usage}）</translation>
    </message>
    <message>
        <source>{count} MTA-STS TXT records; senders ignore them all</source>
        <translation>{count} 条 MTA-STS TXT 记录；发件方会全部忽略</translation>
    </message>
    <message>
        <source>the policy is larger than {limit} bytes</source>
        <translation>策略大于 {limit} 字节</translation>
    </message>
    <message>
        <source>the policy&apos;s mx: lines do not cover {hosts}</source>
        <translation>策略的 mx: 行未涵盖 {hosts}</translation>
    </message>
    <message>
        <source>reports go to {addresses}</source>
        <translation>报告发送到 {addresses}</translation>
    </message>
    <message>
        <source>{domain} is not DNSSEC-signed (or the resolver does not validate)</source>
        <translation>{domain} 未进行 DNSSEC 签名（或解析器不执行验证）</translation>
    </message>
    <message>
        <source>{host}: {summary}</source>
        <translation>{host}：{summary}</translation>
    </message>
    <message>
        <source>Publish TLSA records that match the certificate the MX serves now (or remove them): senders that use DANE will not deliver while they mismatch.</source>
        <translation>发布与 MX 当前提供的证书相匹配的 TLSA 记录（或删除这些记录）：在不匹配期间，使用 DANE 的发件方不会投递邮件。</translation>
    </message>
    <message>
        <source>TLS {host}:{port}</source>
        <translation>TLS {host}:{port}</translation>
    </message>
    <message>
        <source>no TLSA record matches the certificate the MX serves</source>
        <translation>没有与 MX 提供的证书相匹配的 TLSA 记录</translation>
    </message>
    <message>
        <source>no MTA-STS record: senders may deliver without TLS if it is stripped</source>
        <translation>没有 MTA-STS 记录：如果 TLS 被剥离，发件方可能会在不使用 TLS 的情况下投递</translation>
    </message>
    <message>
        <source>the policy could not be fetched: {error}</source>
        <translation>无法获取策略：{error}</translation>
    </message>
    <message>
        <source>MTA-STS is published but inconsistent: {problems}</source>
        <translation>MTA-STS 已发布但不一致：{problems}</translation>
    </message>
    <message>
        <source>mode {mode}, mx {mx}, max_age {max_age}</source>
        <translation>mode {mode}，mx {mx}，max_age {max_age}</translation>
    </message>
    <message>
        <source>no TLS-RPT record: you get no reports of TLS failures delivering to you</source>
        <translation>没有 TLS-RPT 记录：你不会收到向你投递时发生的 TLS 故障报告</translation>
    </message>
    <message>
        <source>several TLS-RPT records</source>
        <translation>有多条 TLS-RPT 记录</translation>
    </message>
    <message>
        <source>TLS-RPT record is invalid: {problems}</source>
        <translation>TLS-RPT 记录无效：{problems}</translation>
    </message>
    <message>
        <source>{domain} is signed and your resolver validated it (AD bit set)</source>
        <translation>{domain} 已签名，且你的解析器已验证（已设置 AD 位）</translation>
    </message>
    <message>
        <source>{domain} publishes DNSKEY records, but the resolver did not validate them</source>
        <translation>{domain} 发布了 DNSKEY 记录，但解析器未验证它们</translation>
    </message>
    <message>
        <source>Either the resolver does not validate DNSSEC, or validation failed (then a validating resolver answers SERVFAIL).</source>
        <translation>要么解析器不验证 DNSSEC，要么验证失败（此时执行验证的解析器会应答 SERVFAIL）。</translation>
    </message>
    <message>
        <source>Optional: sign the zone at your DNS host; Exchange Online supports inbound DNSSEC and DANE with the *.mx.microsoft MX form.</source>
        <translation>可选：在 DNS 托管商处对区域进行签名；Exchange Online 通过 *.mx.microsoft 形式的 MX 支持入站 DNSSEC 和 DANE。</translation>
    </message>
    <message>
        <source>no TLSA record</source>
        <translation>没有 TLSA 记录</translation>
    </message>
    <message>
        <source>no TLSA records for the MX hosts (DANE not in use)</source>
        <translation>MX 主机没有 TLSA 记录（未使用 DANE）</translation>
    </message>
    <message>
        <source>Published: {records}
A record for the current certificate: {record}</source>
        <translation>已发布：{records}
适用于当前证书的记录：{record}</translation>
    </message>
    <message>
        <source>Published: {records}
A record for the current certificate: (no certificate)</source>
        <translation>已发布：{records}
适用于当前证书的记录：（无证书）</translation>
    </message>
    <message>
        <source>Optional: publish _mta-sts.{domain} TXT and a policy at {url}</source>
        <translation>可选：发布 _mta-sts.{domain} TXT 记录，并在 {url} 发布策略</translation>
    </message>
    <message>
        <source>Fix the policy so senders can use it, or remove the _mta-sts TXT record: a broken policy in enforce mode makes senders defer mail to you.</source>
        <translation>修复策略使发件方能够使用它，或删除 _mta-sts TXT 记录：处于 enforce 模式的损坏策略会使发件方推迟向你投递邮件。</translation>
    </message>
    <message>
        <source>Optional: _smtp._tls.{domain} TXT {record}</source>
        <translation>可选：_smtp._tls.{domain} TXT {record}</translation>
    </message>
    <message>
        <source>Correct the record; reporters ignore an invalid one.</source>
        <translation>请更正该记录；报告方会忽略无效记录。</translation>
    </message>
    <message>
        <source>TLSA published, but the certificate could not be fetched: {error}</source>
        <translation>已发布 TLSA，但无法获取证书：{error}</translation>
    </message>
    <message>
        <source>Outbound port 25 is often blocked by ISPs and firewalls; run this from a network that may send SMTP.</source>
        <translation>ISP 和防火墙经常阻止出站端口 25；请在允许发送 SMTP 的网络中运行此检查。</translation>
    </message>
    <message>
        <source>certificate matches TLSA ({usage}), but the TLSA answer was not DNSSEC-validated, so senders ignore it</source>
        <translation>证书与 TLSA 匹配（{usage}），但 TLSA 应答未经 DNSSEC 验证，因此发件方会忽略它</translation>
    </message>
    <message>
        <source>EWS endpoint answers</source>
        <translation>EWS 终结点应答</translation>
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
        <source>skipped: no credentials for this run</source>
        <translation>已跳过：本次运行没有凭据</translation>
    </message>
    <message>
        <source>URL from {step}: {url}</source>
        <translation>来自 {step} 的 URL：{url}</translation>
    </message>
    <message>
        <source>URL from cloud defaults: {url}</source>
        <translation>来自云默认值的 URL：{url}</translation>
    </message>
    <message>
        <source>Install a certificate for {host} from a public certification authority, with the full chain (intermediates included) and a subject alternative name for this exact host, and keep it renewed. EWS clients refuse the connection otherwise, and this program sends no credentials to it.</source>
        <translation>为 {host} 安装由公共证书颁发机构颁发的证书，包含完整证书链（含中间证书）以及与此主机名完全一致的使用者可选名称，并按时续订。否则 EWS 客户端会拒绝连接，本程序也不会向其发送任何凭据。</translation>
    </message>
    <message>
        <source>Certificate problems:</source>
        <translation>证书问题：</translation>
    </message>
    <message>
        <source>{method} {url} (exchangelib)</source>
        <translation>{method} {url}（exchangelib）</translation>
    </message>
    <message>
        <source>answered HTTP {status} {status_text} without credentials (expected 401)</source>
        <translation>未提供凭据时应答 HTTP {status} {status_text}（预期为 401）</translation>
    </message>
    <message>
        <source>{summary}; but TLS: {problems}</source>
        <translation>{summary}；但 TLS 存在问题：{problems}</translation>
    </message>
    <message>
        <source>Challenges: {challenges}. Exchange Online signs apps in with OAuth (Bearer).</source>
        <translation>质询：{challenges}。Exchange Online 使用 OAuth (Bearer) 让应用登录。</translation>
    </message>
    <message>
        <source>Challenges: {challenges}</source>
        <translation>质询：{challenges}</translation>
    </message>
    <message>
        <source>answers and asks for sign-in: {schemes}</source>
        <translation>有应答并要求登录：{schemes}</translation>
    </message>
    <message>
        <source>answered 401 but named no sign-in method (no WWW-Authenticate header)</source>
        <translation>应答 401，但未指明任何登录方式（没有 WWW-Authenticate 标头）</translation>
    </message>
    <message>
        <source>404 Not Found: there is no EWS at {url}</source>
        <translation>404 Not Found：{url} 上没有 EWS</translation>
    </message>
    <message>
        <source>server error: HTTP {status} {status_text}</source>
        <translation>服务器错误：HTTP {status} {status_text}</translation>
    </message>
    <message>
        <source>403 Forbidden before any sign-in: the server or a proxy refuses this client</source>
        <translation>尚未登录就返回 403 Forbidden：服务器或代理拒绝了此客户端</translation>
    </message>
    <message>
        <source>answered 200 without asking for sign-in (EWS normally answers 401)</source>
        <translation>应答 200 且未要求登录（EWS 通常应答 401）</translation>
    </message>
    <message>
        <source>Anonymous access to EWS, or something other than Exchange answers at this URL.</source>
        <translation>EWS 允许匿名访问，或者在此 URL 上应答的不是 Exchange。</translation>
    </message>
    <message>
        <source>EWS endpoint</source>
        <translation>EWS 终结点</translation>
    </message>
    <message>
        <source>Check the EWS virtual directory&apos;s authentication settings: Get-WebServicesVirtualDirectory | Format-List *Authentication*; a reverse proxy may be stripping WWW-Authenticate.</source>
        <translation>检查 EWS 虚拟目录的身份验证设置：Get-WebServicesVirtualDirectory | Format-List *Authentication*；反向代理可能删除了 WWW-Authenticate 标头。</translation>
    </message>
    <message>
        <source>Check the EWS URL autodiscover hands out and where EWS is published: Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl; the path is /EWS/Exchange.asmx, and a reverse proxy must publish it.</source>
        <translation>检查自动发现提供的 EWS URL 以及 EWS 的发布位置：Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl；路径为 /EWS/Exchange.asmx，反向代理必须发布此路径。</translation>
    </message>
    <message>
        <source>redirects to {target} (HTTP {status}); EWS clients do not follow redirects</source>
        <translation>重定向到 {target}（HTTP {status}）；EWS 客户端不会跟随重定向</translation>
    </message>
    <message>
        <source>redirects to (no Location header) (HTTP {status}); EWS clients do not follow redirects</source>
        <translation>返回重定向但没有 Location 标头（HTTP {status}）；EWS 客户端不会跟随重定向</translation>
    </message>
    <message>
        <source>Publish EWS at the URL autodiscover hands out, without a redirect: Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl.</source>
        <translation>在自动发现提供的 URL 上直接发布 EWS，不要重定向：Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl。</translation>
    </message>
    <message>
        <source>{host} (or a load balancer in front of it) failed. On Exchange Server check the MSExchangeServicesAppPool application pool and the event log; give the request-id and X-FEServer/X-BEServer values from the evidence to support.</source>
        <translation>{host}（或其前面的负载均衡器）出现故障。在 Exchange Server 上检查 MSExchangeServicesAppPool 应用程序池和事件日志；并将证据中的 request-id 以及 X-FEServer/X-BEServer 值提供给支持人员。</translation>
    </message>
    <message>
        <source>Check IP restrictions, client-certificate requirements or a web application firewall in front of EWS.</source>
        <translation>检查 EWS 前面的 IP 限制、客户端证书要求或 Web 应用程序防火墙。</translation>
    </message>
    <message>
        <source>Check that this URL reaches Exchange and not a proxy or placeholder page.</source>
        <translation>确认此 URL 到达的是 Exchange，而不是代理或占位页面。</translation>
    </message>
    <message>
        <source>no EWS URL: autodiscover did not run or found none, and on-premises Exchange has no default (run the autodiscover checks)</source>
        <translation>没有 EWS URL：自动发现未运行或未找到 URL，而本地 Exchange 没有默认值（请运行自动发现检查）</translation>
    </message>
    <message>
        <source>the EWS URL {url} is not HTTPS</source>
        <translation>EWS URL {url} 不是 HTTPS</translation>
    </message>
    <message>
        <source>Publish EWS over HTTPS only.</source>
        <translation>仅通过 HTTPS 发布 EWS。</translation>
    </message>
    <message>
        <source>Check that {host} resolves and that TCP 443 to it is open (firewall, proxy, load balancer).</source>
        <translation>确认 {host} 可以解析，且到它的 TCP 443 端口已开放（防火墙、代理、负载均衡器）。</translation>
    </message>
    <message>
        <source>Check the user name (DOMAIN\user, UPN or email address) and the password, and whether the account is locked out or its password has expired. If the password is right, check which sign-in methods the EWS virtual directory allows: Get-WebServicesVirtualDirectory | Format-List *Authentication*.</source>
        <translation>检查用户名（DOMAIN\user、UPN 或电子邮件地址）和密码，以及帐户是否已被锁定或密码是否已过期。如果密码正确，请检查 EWS 虚拟目录允许哪些登录方式：Get-WebServicesVirtualDirectory | Format-List *Authentication*。</translation>
    </message>
    <message>
        <source>EWS is turned off for this mailbox or this application. For the mailbox: Get-CASMailbox &lt;user&gt; | Format-List Ews*, then Set-CASMailbox &lt;user&gt; -EwsEnabled $true. For the whole organisation: Get-OrganizationConfig | Format-List Ews*, then Set-OrganizationConfig -EwsEnabled $true. An EwsApplicationAccessPolicy with EwsAllowList / EwsBlockList (which match the client&apos;s User-Agent) or an application access policy can also block one app.</source>
        <translation>已为此邮箱或此应用程序关闭 EWS。针对邮箱：运行 Get-CASMailbox &lt;user&gt; | Format-List Ews*，然后运行 Set-CASMailbox &lt;user&gt; -EwsEnabled $true。针对整个组织：运行 Get-OrganizationConfig | Format-List Ews*，然后运行 Set-OrganizationConfig -EwsEnabled $true。带有 EwsAllowList / EwsBlockList（按客户端的 User-Agent 匹配）的 EwsApplicationAccessPolicy 或应用程序访问策略也可能阻止某个应用。</translation>
    </message>
    <message>
        <source>EWS answered {exception}: {error}</source>
        <translation>EWS 应答 {exception}：{error}</translation>
    </message>
    <message>
        <source>Check the user name (usually the email address / UPN) and the password, and whether the account is blocked from signing in. Note that Exchange Online turned off Basic authentication for EWS from {date}: a password sign-in fails there even with the right password, and applications must use OAuth 2.0 (modern authentication) instead.</source>
        <translation>检查用户名（通常是电子邮件地址 / UPN）和密码，以及帐户是否被阻止登录。请注意，Exchange Online 自 {date} 起已对 EWS 关闭基本身份验证：即使密码正确，使用密码登录也会失败，应用程序必须改用 OAuth 2.0（新式身份验证）。</translation>
    </message>
    <message>
        <source>In Exchange Online, from {disable_date} only applications listed in EWSAllowedAppIDs may use EWS even when it is enabled, and on {shutdown_date} EWS is switched off for good: move the application to {successor}.</source>
        <translation>在 Exchange Online 中，自 {disable_date} 起，即使已启用 EWS，也只有 EWSAllowedAppIDs 中列出的应用程序可以使用它；{shutdown_date} 起 EWS 将被永久关闭：请将应用程序迁移到 {successor}。</translation>
    </message>
    <message>
        <source>{host} refused the user name or password (HTTP 401)</source>
        <translation>{host} 拒绝了用户名或密码（HTTP 401）</translation>
    </message>
    <message>
        <source>EWS is blocked for this mailbox or app: {host} accepted the sign-in but answered 403 Forbidden</source>
        <translation>此邮箱或应用的 EWS 已被阻止：{host} 接受了登录，但应答 403 Forbidden</translation>
    </message>
    <message>
        <source>EWS is blocked for this mailbox or app: {host} answered ErrorAccessDenied ({error})</source>
        <translation>此邮箱或应用的 EWS 已被阻止：{host} 应答 ErrorAccessDenied（{error}）</translation>
    </message>
    <message>
        <source>{host} is throttling EWS: ErrorServerBusy; it asked the client to wait {seconds} s</source>
        <translation>{host} 正在限制 EWS：ErrorServerBusy；它要求客户端等待 {seconds} 秒</translation>
    </message>
    <message>
        <source>{host} is throttling EWS: ErrorServerBusy</source>
        <translation>{host} 正在限制 EWS：ErrorServerBusy</translation>
    </message>
    <message>
        <source>{host} redirected the EWS request to {target}; EWS clients do not follow redirects, so it was not followed</source>
        <translation>{host} 将 EWS 请求重定向到 {target}；EWS 客户端不会跟随重定向，因此未跟随</translation>
    </message>
    <message>
        <source>{host}&apos;s front end could not reach the mailbox: {cas_error}</source>
        <translation>{host} 的前端服务器无法访问邮箱：{cas_error}</translation>
    </message>
    <message>
        <source>{host} has no mailbox for this address: {error}</source>
        <translation>{host} 上没有此地址的邮箱：{error}</translation>
    </message>
    <message>
        <source>the TLS connection to {host} failed during the session: {error}</source>
        <translation>会话期间与 {host} 的 TLS 连接失败：{error}</translation>
    </message>
    <message>
        <source>the connection to {host} failed or timed out during the session: {error}</source>
        <translation>会话期间与 {host} 的连接失败或超时：{error}</translation>
    </message>
    <message>
        <source>{host} answered HTTP {status}: {exception}: {error}</source>
        <translation>{host} 应答 HTTP {status}：{exception}：{error}</translation>
    </message>
    <message>
        <source>The server&apos;s EWS throttling policy holds this user back (too many concurrent connections or requests, often from another application using the same account). Try again after the back-off time; on Exchange Server check Get-ThrottlingPolicy (EwsMaxConcurrency, EwsMaxBurst).</source>
        <translation>服务器的 EWS 限制策略正在限制此用户（并发连接或请求过多，通常来自使用同一帐户的其他应用程序）。请在退避时间过后重试；在 Exchange Server 上检查 Get-ThrottlingPolicy（EwsMaxConcurrency、EwsMaxBurst）。</translation>
    </message>
    <message>
        <source>Publish EWS at the URL autodiscover hands out (or fix the EwsUrl that autodiscover returns): Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl; a reverse proxy must not redirect /EWS/.</source>
        <translation>在自动发现提供的 URL 上发布 EWS（或更正自动发现返回的 EwsUrl）：Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl；反向代理不得重定向 /EWS/。</translation>
    </message>
    <message>
        <source>Give the request-id and X-FEServer/X-BEServer values from the evidence to the Exchange administrator or Microsoft support.</source>
        <translation>将证据中的 request-id 以及 X-FEServer/X-BEServer 值提供给 Exchange 管理员或 Microsoft 支持人员。</translation>
    </message>
    <message>
        <source>Check the address; in Exchange Online check that the user has a licence with Exchange and that the mailbox has been provisioned.</source>
        <translation>检查地址；在 Exchange Online 中，确认用户拥有包含 Exchange 的许可证，并且邮箱已预配。</translation>
    </message>
    <message>
        <source>Check the network path to the server (DNS, firewall, proxy).</source>
        <translation>检查到服务器的网络路径（DNS、防火墙、代理）。</translation>
    </message>
    <message>
        <source>A server-side error: give the request-id and X-FEServer/X-BEServer values from the evidence to the Exchange administrator or Microsoft support.</source>
        <translation>这是服务器端错误：请将证据中的 request-id 以及 X-FEServer/X-BEServer 值提供给 Exchange 管理员或 Microsoft 支持人员。</translation>
    </message>
    <message>
        <source>unknown build</source>
        <translation>未知内部版本</translation>
    </message>
    <message>
        <source>{name} ({build})</source>
        <translation>{name}（{build}）</translation>
    </message>
    <message>
        <source>EWS sign-in for {account}: {reason}</source>
        <translation>{account} 的 EWS 登录：{reason}</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>服务器版本</translation>
    </message>
    <message>
        <source>Root and Inbox</source>
        <translation>根文件夹和收件箱</translation>
    </message>
    <message>
        <source>not signed in: {reason}; no credentials were sent</source>
        <translation>未登录：{reason}；未发送任何凭据</translation>
    </message>
    <message>
        <source>skipped: the server offers only {schemes}; a password sign-in needs Basic or NTLM</source>
        <translation>已跳过：服务器仅提供 {schemes}；密码登录需要 Basic 或 NTLM</translation>
    </message>
    <message>
        <source>skipped: no EWS URL (see ews.endpoint)</source>
        <translation>已跳过：没有 EWS URL（请参阅 ews.endpoint）</translation>
    </message>
    <message>
        <source>not signed in: {url} is not HTTPS; credentials never go over plain HTTP</source>
        <translation>未登录：{url} 不是 HTTPS；凭据绝不会通过未加密的 HTTP 发送</translation>
    </message>
    <message>
        <source>skipped: the EWS endpoint did not answer as EWS (see ews.endpoint); no credentials were sent</source>
        <translation>已跳过：EWS 终结点的应答不像 EWS（请参阅 ews.endpoint）；未发送任何凭据</translation>
    </message>
    <message>
        <source>{host}: certificate valid</source>
        <translation>{host}：证书有效</translation>
    </message>
    <message>
        <source>{server}, EWS schema {api}</source>
        <translation>{server}，EWS 架构 {api}</translation>
    </message>
    <message>
        <source>read the root folder and the Inbox ({count} items)</source>
        <translation>已读取根文件夹和收件箱（{count} 项）</translation>
    </message>
    <message>
        <source>Root: {root_folder}; Inbox: {inbox_folder}</source>
        <translation>根文件夹：{root_folder}；收件箱：{inbox_folder}</translation>
    </message>
    <message>
        <source>signed in as {user} ({method}); {server}</source>
        <translation>已以 {user} 身份登录（{method}）；{server}</translation>
    </message>
    <message>
        <source>skipped: the server offers only {schemes}; an OAuth sign-in needs Bearer</source>
        <translation>已跳过：服务器仅提供 {schemes}；OAuth 登录需要 Bearer</translation>
    </message>
    <message>
        <source>Sign in with OAuth (modern authentication), or enable Basic/NTLM on the EWS virtual directory for this test.</source>
        <translation>使用 OAuth（新式身份验证）登录，或为此测试在 EWS 虚拟目录上启用 Basic/NTLM。</translation>
    </message>
    <message>
        <source>EWS session</source>
        <translation>EWS 会话</translation>
    </message>
    <message>
        <source>not signed in: {error}; no credentials were sent</source>
        <translation>未登录：{error}；未发送任何凭据</translation>
    </message>
    <message>
        <source>Exchange Server accepts OAuth from Microsoft Entra only with Hybrid Modern Authentication configured; otherwise sign in with a password.</source>
        <translation>只有配置了混合新式身份验证，Exchange Server 才接受来自 Microsoft Entra 的 OAuth；否则请使用密码登录。</translation>
    </message>
    <message>
        <source>EWS URL: {url}</source>
        <translation>EWS URL：{url}</translation>
    </message>
    <message>
        <source>Mailbox: {email}</source>
        <translation>邮箱：{email}</translation>
    </message>
    <message>
        <source>Check the network path to {host} (DNS, firewall, proxy).</source>
        <translation>检查到 {host} 的网络路径（DNS、防火墙、代理）。</translation>
    </message>
    <message>
        <source>ResolveNames</source>
        <translation>ResolveNames（解析名称）</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>Automatic replies (out of office)</source>
        <translation>自动答复（外出）</translation>
    </message>
    <message>
        <source>Free/busy</source>
        <translation>忙/闲</translation>
    </message>
    <message>
        <source>{email} resolves to {name} &lt;{address}&gt; ({mailbox_type}); {count} entries matched</source>
        <translation>{email} 解析为 {name} &lt;{address}&gt;（{mailbox_type}）；共匹配 {count} 个条目</translation>
    </message>
    <message>
        <source>{email} resolves to {name} &lt;{address}&gt; ({mailbox_type})</source>
        <translation>{email} 解析为 {name} &lt;{address}&gt;（{mailbox_type}）</translation>
    </message>
    <message>
        <source>Internal reply: {reply}</source>
        <translation>内部答复：{reply}</translation>
    </message>
    <message>
        <source>read: automatic replies are scheduled ({start} to {end})</source>
        <translation>已读取：自动答复已计划（{start} 至 {end}）</translation>
    </message>
    <message>
        <source>read: automatic replies are enabled</source>
        <translation>已读取：自动答复已启用</translation>
    </message>
    <message>
        <source>read: automatic replies are disabled</source>
        <translation>已读取：自动答复已禁用</translation>
    </message>
    <message>
        <source>read: automatic replies are scheduled</source>
        <translation>已读取：自动答复已计划</translation>
    </message>
    <message>
        <source>read: automatic replies are {state}</source>
        <translation>已读取：自动答复状态为 {state}</translation>
    </message>
    <message>
        <source>{first}; automatic replies and free/busy read</source>
        <translation>{first}；已读取自动答复和忙/闲信息</translation>
    </message>
    <message>
        <source>{count} items, {unread} unread</source>
        <translation>{count} 项，{unread} 项未读</translation>
    </message>
    <message>
        <source>answered for today (UTC): {count} busy period(s), view {view}</source>
        <translation>已返回今天（UTC）的数据：{count} 个忙碌时段，视图 {view}</translation>
    </message>
    <message>
        <source>no free/busy answer for {email}: {error}</source>
        <translation>{email} 没有忙/闲应答：{error}</translation>
    </message>
    <message>
        <source>Merged free/busy (30-minute slots): {slots}</source>
        <translation>合并的忙/闲信息（30 分钟时段）：{slots}</translation>
    </message>
    <message>
        <source>Merged free/busy (30-minute slots): (none)</source>
        <translation>合并的忙/闲信息（30 分钟时段）：（无）</translation>
    </message>
    <message>
        <source>skipped: EWS sign-in did not succeed (see ews.login)</source>
        <translation>已跳过：EWS 登录未成功（请参阅 ews.login）</translation>
    </message>
    <message>
        <source>{title}: {summary}</source>
        <translation>{title}：{summary}</translation>
    </message>
    <message>
        <source>{email} is not found in the address book ({error})</source>
        <translation>在通讯簿中找不到 {email}（{error}）</translation>
    </message>
    <message>
        <source>{email} is not found in the address book (no results)</source>
        <translation>在通讯簿中找不到 {email}（无结果）</translation>
    </message>
    <message>
        <source>Check the address; a mailbox hidden from address lists (HiddenFromAddressListsEnabled) is not found by Lync/Teams either.</source>
        <translation>检查地址；在地址列表中隐藏的邮箱（HiddenFromAddressListsEnabled）同样无法被 Lync/Teams 找到。</translation>
    </message>
    <message>
        <source>Check the availability service: in hybrid setups the organisation relationship (Get-OrganizationRelationship | Format-List FreeBusy*).</source>
        <translation>检查可用性服务：在混合部署中检查组织关系（Get-OrganizationRelationship | Format-List FreeBusy*）。</translation>
    </message>
    <message>
        <source>EWS in Exchange Online: Microsoft starts turning EWS off tenant by tenant on {disable_date} and shuts it down for good on {shutdown_date}; {successor} is the successor</source>
        <translation>Exchange Online 中的 EWS：Microsoft 将于 {disable_date} 开始逐个租户关闭 EWS，并于 {shutdown_date} 永久停用；替代方案为 {successor}</translation>
    </message>
    <message>
        <source>not for on-premises: Exchange Server keeps EWS; the retirement is Exchange Online&apos;s</source>
        <translation>不适用于本地部署：Exchange Server 保留 EWS；停用的只是 Exchange Online 中的 EWS</translation>
    </message>
    <message>
        <source>EWS in Exchange Online: Microsoft has been turning EWS off tenant by tenant since {disable_date} and shuts it down for good on {shutdown_date}; {successor} is the successor</source>
        <translation>Exchange Online 中的 EWS：Microsoft 自 {disable_date} 起正在逐个租户关闭 EWS，并将于 {shutdown_date} 永久停用；替代方案为 {successor}</translation>
    </message>
    <message>
        <source>EWS in Exchange Online: EWS was shut down for good on {shutdown_date}; {successor} is the successor</source>
        <translation>Exchange Online 中的 EWS：EWS 已于 {shutdown_date} 永久停用；替代方案为 {successor}</translation>
    </message>
    <message>
        <source>Move applications that use EWS to {successor}. Until {shutdown_date}, an app that must keep EWS needs Set-OrganizationConfig -EwsEnabled $true and its application ID in EWSAllowedAppIDs.</source>
        <translation>将使用 EWS 的应用程序迁移到 {successor}。在 {shutdown_date} 之前，必须继续使用 EWS 的应用需要 Set-OrganizationConfig -EwsEnabled $true，并且其应用程序 ID 需列在 EWSAllowedAppIDs 中。</translation>
    </message>
    <message>
        <source>Migration guide: {url}</source>
        <translation>迁移指南：{url}</translation>
    </message>
    <message>
        <source>IMAP sign-in and INBOX</source>
        <translation>IMAP 登录和收件箱</translation>
    </message>
    <message>
        <source>Capabilities and sign-in methods</source>
        <translation>功能和登录方法</translation>
    </message>
    <message>
        <source>Sign in with the password</source>
        <translation>使用密码登录</translation>
    </message>
    <message>
        <source>Open INBOX (read-only)</source>
        <translation>打开收件箱（只读）</translation>
    </message>
    <message>
        <source>sign-in over TLS: {methods}</source>
        <translation>通过 TLS 登录：{methods}</translation>
    </message>
    <message>
        <source>the server accepts no password over TLS (it offers {offered})</source>
        <translation>服务器不接受通过 TLS 的密码登录（它提供 {offered}）</translation>
    </message>
    <message>
        <source>the server accepts no password over TLS (it offers nothing)</source>
        <translation>服务器不接受通过 TLS 的密码登录（它未提供任何方法）</translation>
    </message>
    <message>
        <source>INBOX opened: 1 message</source>
        <translation>已打开收件箱：1 封邮件</translation>
    </message>
    <message>
        <source>INBOX opened: {count} messages</source>
        <translation>已打开收件箱：{count} 封邮件</translation>
    </message>
    <message>
        <source>IMAP capabilities</source>
        <translation>IMAP 功能</translation>
    </message>
    <message>
        <source>Refuse passwords before STARTTLS (Exchange Server: Set-ImapSettings -LoginType SecureLogin), so a client set up without encryption cannot leak one.</source>
        <translation>在 STARTTLS 之前拒绝密码（Exchange Server：Set-ImapSettings -LoginType SecureLogin），这样未配置加密的客户端就无法泄露密码。</translation>
    </message>
    <message>
        <source>signed in to {server}; {inbox}</source>
        <translation>已登录到 {server}；{inbox}</translation>
    </message>
    <message>
        <source>the server offers no way to sign in over TLS (no AUTH= mechanism, LOGINDISABLED)</source>
        <translation>服务器未提供任何通过 TLS 登录的方法（没有 AUTH= 机制，且为 LOGINDISABLED）</translation>
    </message>
    <message>
        <source>before TLS: LOGINDISABLED (passwords refused in plain text, as they should be)</source>
        <translation>TLS 之前：LOGINDISABLED（按应有的方式拒绝明文密码）</translation>
    </message>
    <message>
        <source>before TLS the server would accept a password in plain text</source>
        <translation>在 TLS 之前，服务器会接受明文密码</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>未尝试</translation>
    </message>
    <message>
        <source>not tried: {reason}</source>
        <translation>未尝试：{reason}</translation>
    </message>
    <message>
        <source>Turn on IMAP sign-in on the server (Exchange Server: Set-ImapSettings -LoginType SecureLogin).</source>
        <translation>在服务器上启用 IMAP 登录（Exchange Server：Set-ImapSettings -LoginType SecureLogin）。</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>no credentials for this run</source>
        <translation>本次运行没有凭据</translation>
    </message>
    <message>
        <source>implicit TLS</source>
        <translation>隐式 TLS</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>不加密</translation>
    </message>
    <message>
        <source>{protocol} sign-in for {account}: {host} is outside {domain}</source>
        <translation>{account} 的 {protocol} 登录：{host} 不在 {domain} 内</translation>
    </message>
    <message>
        <source>{host} is outside {domain} and not a Microsoft endpoint; no credentials were sent</source>
        <translation>{host} 不在 {domain} 内，也不是 Microsoft 终结点；未发送任何凭据</translation>
    </message>
    <message>
        <source>{error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <source>{host}:{port} ({mode})</source>
        <translation>{host}:{port}（{mode}）</translation>
    </message>
    <message>
        <source>{command} was answered: {server_reply}</source>
        <translation>{command} 的应答：{server_reply}</translation>
    </message>
    <message>
        <source>Something accepted the connection to {host}:{port} but never answered: a firewall, proxy or antivirus &apos;mail shield&apos; that intercepts this port, or a hung server. Test from another network, and look for mail or TLS inspection on the way.</source>
        <translation>有程序接受了到 {host}:{port} 的连接，但始终没有应答：可能是拦截此端口的防火墙、代理或防病毒软件的“邮件防护”功能，或者服务器已停止响应。请从其他网络进行测试，并检查途中是否有邮件或 TLS 检查。</translation>
    </message>
    <message>
        <source>The connection to {host}:{port} was cut in the middle of the conversation: a firewall or intrusion-prevention system resetting the protocol, a load balancer with a failing back end, or a crashing server. Compare with a test from another network.</source>
        <translation>到 {host}:{port} 的连接在会话中途被切断：可能是防火墙或入侵防御系统重置了该协议、负载均衡器的后端出现故障，或者服务器崩溃。请与从其他网络进行的测试作比较。</translation>
    </message>
    <message>
        <source>{step}: {summary}</source>
        <translation>{step}：{summary}</translation>
    </message>
    <message>
        <source>Install a certificate for {host} from a public certification authority, with the full chain (intermediates included) and a subject alternative name for this exact host, and keep it renewed. Mail clients refuse the connection otherwise, and this program sends no credentials to it.</source>
        <translation>为 {host} 安装由公共证书颁发机构颁发的证书，包含完整的证书链（含中间证书）以及与此主机名完全一致的使用者可选名称，并按时续订。否则邮件客户端会拒绝连接，本程序也不会向其发送凭据。</translation>
    </message>
    <message>
        <source>no {protocol} server to test: autodiscover named none and there is no cloud default; name one with --{option} HOST[:PORT]</source>
        <translation>没有可测试的 {protocol} 服务器：自动发现未指定任何服务器，也没有云默认值；请使用 --{option} HOST[:PORT] 指定一个</translation>
    </message>
    <message>
        <source>the server answered {server_reply}</source>
        <translation>服务器应答 {server_reply}</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>服务器关闭了连接</translation>
    </message>
    <message>
        <source>the server answered: {server_reply}</source>
        <translation>服务器应答：{server_reply}</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>未及时应答</translation>
    </message>
    <message>
        <source>not tried: {step} failed</source>
        <translation>未尝试：{step} 失败</translation>
    </message>
    <message>
        <source>{server} answers over valid TLS; sign-in not tried: {reason}</source>
        <translation>{server} 通过有效的 TLS 应答；未尝试登录：{reason}</translation>
    </message>
    <message>
        <source>Server {server}, from {source}.</source>
        <translation>服务器 {server}，来自 {source}。</translation>
    </message>
    <message>
        <source>{host} always presents a valid Microsoft certificate: a different one means something on the way intercepts TLS (antivirus mail scanning, a firewall or proxy doing TLS inspection). Exclude Microsoft 365 endpoints from inspection. No credentials were sent.</source>
        <translation>{host} 始终提供有效的 Microsoft 证书：出现其他证书说明途中有程序拦截了 TLS（防病毒软件的邮件扫描，或执行 TLS 检查的防火墙或代理）。请将 Microsoft 365 终结点排除在检查之外。未发送任何凭据。</translation>
    </message>
    <message>
        <source>Sign in with OAuth (XOAUTH2)</source>
        <translation>使用 OAuth 登录（XOAUTH2）</translation>
    </message>
    <message>
        <source>signed in as {user} (XOAUTH2)</source>
        <translation>已以 {user} 身份登录（XOAUTH2）</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>signed in as {user} (XOAUTH2): {server_reply}</source>
        <translation>已以 {user} 身份登录（XOAUTH2）：{server_reply}</translation>
    </message>
    <message>
        <source>{error} ({cause})</source>
        <translation>{error}（{cause}）</translation>
    </message>
    <message>
        <source>Offered over TLS: {mechanisms}</source>
        <translation>通过 TLS 提供的机制：{mechanisms}</translation>
    </message>
    <message>
        <source>{host} is outside {domain} and not a Microsoft endpoint; no token was sent</source>
        <translation>{host} 不在 {domain} 内，也不是 Microsoft 终结点；未发送令牌</translation>
    </message>
    <message>
        <source>the server does not offer XOAUTH2 over TLS (it offers {mechanisms})</source>
        <translation>服务器未通过 TLS 提供 XOAUTH2（它提供的是：{mechanisms}）</translation>
    </message>
    <message>
        <source>Nothing to change in the record for this: make sure the DNS servers of the name it points to answer (ask their owner), then run the check again. While they do not, receivers defer or reject mail from you with an SPF temperror, and the lookup count above leaves out what is behind the name.</source>
        <translation>记录本身无需为此更改：请确认其指向的名称的 DNS 服务器能够应答（询问其所有者），然后重新运行检查。在其恢复应答之前，接收方会以 SPF temperror 推迟或拒收您的邮件，且上面的查询计数不包括该名称之后的内容。</translation>
    </message>
    <message>
        <source>Give the site&apos;s own address (https://&lt;name&gt;.sharepoint.com/sites/...) as {site}; to change &lt;name&gt;, rename the tenant&apos;s SharePoint domain (Start-SPOTenantRename).</source>
        <translation>请以站点自己的地址（https://&lt;name&gt;.sharepoint.com/sites/...）作为{site}；要更改 &lt;name&gt;，请重命名租户的 SharePoint 域（Start-SPOTenantRename）。</translation>
    </message>
    <message>
        <source>no SharePoint site given: give {site}</source>
        <translation>未提供 SharePoint 站点：请提供{site}</translation>
    </message>
    <message>
        <source>Add and verify {domain} in the Microsoft 365 admin center (Settings &gt; Domains), or set {cloud} to the cloud the tenant is in.</source>
        <translation>请在 Microsoft 365 管理中心（设置 &gt; 域）中添加并验证 {domain}，或将{cloud}设为租户所在的云。</translation>
    </message>
    <message>
        <source>If {host} is your server, add it to {trusted}.</source>
        <translation>如果 {host} 是你的服务器，请将它加入{trusted}。</translation>
    </message>
    <message>
        <source>Exchange Online offers XOAUTH2 for {protocol}; if it is missing, something on the way rewrites the conversation. Exchange Server does not offer OAuth for IMAP, POP or SMTP: sign in with a password there.</source>
        <translation>Exchange Online 为 {protocol} 提供 XOAUTH2；如果缺少，说明途中有设备改写了会话。Exchange Server 不为 IMAP、POP 或 SMTP 提供 OAuth：请在那里使用密码登录。</translation>
    </message>
    <message>
        <source>not signed in as {user} with the token: {error}</source>
        <translation>未能使用令牌以 {user} 身份登录：{error}</translation>
    </message>
    <message>
        <source>move the application or device to OAuth 2.0 (XOAUTH2) with an app registration in Microsoft Entra ID</source>
        <translation>使用 Microsoft Entra ID 中的应用注册，将应用程序或设备迁移到 OAuth 2.0 (XOAUTH2)</translation>
    </message>
    <message>
        <source>Plan for OAuth anyway: Basic authentication for SMTP AUTH is off by default for existing tenants from the end of December 2026 ({date}).</source>
        <translation>无论如何都请规划迁移到 OAuth：从 2026 年 12 月底（{date}）起，现有租户的 SMTP AUTH 基本身份验证默认关闭。</translation>
    </message>
    <message>
        <source>check that the protocol is on for the mailbox (Get-CASMailbox &lt;user&gt; | Format-List ImapEnabled,PopEnabled; Set-CASMailbox &lt;user&gt; -ImapEnabled $true / -PopEnabled $true)</source>
        <translation>检查是否为该邮箱启用了此协议（Get-CASMailbox &lt;user&gt; | Format-List ImapEnabled,PopEnabled；Set-CASMailbox &lt;user&gt; -ImapEnabled $true / -PopEnabled $true）</translation>
    </message>
    <message>
        <source>SMTP AUTH (authenticated client submission) is turned off for the whole organisation</source>
        <translation>已为整个组织关闭 SMTP AUTH（经过身份验证的客户端提交）</translation>
    </message>
    <message>
        <source>In the Exchange admin center, Settings &gt; Mail flow, clear &apos;Turn off SMTP AUTH protocol for your organization&apos; (Set-TransportConfig -SmtpClientAuthenticationDisabled $false), or better, leave it off and turn it on only for the mailboxes that need it (Set-CASMailbox &lt;mailbox&gt; -SmtpClientAuthenticationDisabled $false). {smtp_auth_note}</source>
        <translation>在 Exchange 管理中心的“设置 &gt; 邮件流”中，清除“为组织关闭 SMTP AUTH 协议”（Set-TransportConfig -SmtpClientAuthenticationDisabled $false）；更好的做法是保持组织级关闭，只为需要的邮箱启用（Set-CASMailbox &lt;mailbox&gt; -SmtpClientAuthenticationDisabled $false）。{smtp_auth_note}</translation>
    </message>
    <message>
        <source>SMTP AUTH (authenticated client submission) is turned off for this mailbox</source>
        <translation>已为此邮箱关闭 SMTP AUTH（经过身份验证的客户端提交）</translation>
    </message>
    <message>
        <source>Turn on Authenticated SMTP for the mailbox: Microsoft 365 admin center &gt; Users &gt; the user &gt; Mail &gt; Manage email apps, or Set-CASMailbox &lt;mailbox&gt; -SmtpClientAuthenticationDisabled $false. {smtp_auth_note}</source>
        <translation>为该邮箱启用“经过身份验证的 SMTP”：Microsoft 365 管理中心 &gt; 用户 &gt; 该用户 &gt; 邮件 &gt; 管理电子邮件应用，或运行 Set-CASMailbox &lt;mailbox&gt; -SmtpClientAuthenticationDisabled $false。{smtp_auth_note}</translation>
    </message>
    <message>
        <source>Microsoft Entra Security Defaults (or a Conditional Access policy) blocks sign-in with a password over SMTP AUTH for this account</source>
        <translation>Microsoft Entra 安全默认值（或条件访问策略）阻止此帐户通过 SMTP AUTH 使用密码登录</translation>
    </message>
    <message>
        <source>Security Defaults block legacy authentication, SMTP AUTH with a password included, for every account: {oauth}. Only if that is impossible, turn off Security Defaults (Entra admin center &gt; Overview &gt; Properties &gt; Manage security defaults) and protect sign-ins with Conditional Access instead, excluding only this account from the legacy-authentication block.</source>
        <translation>安全默认值会为所有帐户阻止旧式身份验证，包括使用密码的 SMTP AUTH：{oauth}。仅当无法做到时，才关闭安全默认值（Microsoft Entra 管理中心 &gt; 概述 &gt; 属性 &gt; 管理安全默认值），改用条件访问保护登录，并且只将此帐户排除在旧式身份验证阻止策略之外。</translation>
    </message>
    <message>
        <source>Basic authentication (a password) for SMTP AUTH is turned off in this tenant</source>
        <translation>此租户已关闭 SMTP AUTH 的基本身份验证（密码）</translation>
    </message>
    <message>
        <source>Password sign-in for SMTP AUTH is off: {oauth}, or send through a connector or another service (Azure Communication Services, High Volume Email).</source>
        <translation>SMTP AUTH 的密码登录已关闭：{oauth}，或者通过连接器或其他服务（Azure Communication Services、High Volume Email）发送。</translation>
    </message>
    <message>
        <source>Exchange Online refused SMTP AUTH: it is turned off for the tenant or for the mailbox, or Security Defaults block password sign-in</source>
        <translation>Exchange Online 拒绝了 SMTP AUTH：已为租户或邮箱关闭该功能，或者安全默认值阻止了密码登录</translation>
    </message>
    <message>
        <source>Check, in this order: the tenant setting (Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled), the mailbox setting (Get-CASMailbox &lt;mailbox&gt; | Format-List SmtpClientAuthenticationDisabled), and Security Defaults in Microsoft Entra ID, which block SMTP AUTH with a password. {smtp_auth_note}</source>
        <translation>按以下顺序检查：租户设置（Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled）、邮箱设置（Get-CASMailbox &lt;mailbox&gt; | Format-List SmtpClientAuthenticationDisabled），以及 Microsoft Entra ID 中的安全默认值（它会阻止使用密码的 SMTP AUTH）。{smtp_auth_note}</translation>
    </message>
    <message>
        <source>Basic authentication is not supported for client submission in this tenant</source>
        <translation>此租户的客户端提交不支持基本身份验证</translation>
    </message>
    <message>
        <source>Password sign-in over SMTP AUTH is no longer accepted here: {oauth}, or use a connector or another sending service for devices that cannot do OAuth.</source>
        <translation>此处不再接受通过 SMTP AUTH 的密码登录：{oauth}；对于不支持 OAuth 的设备，请使用连接器或其他发送服务。</translation>
    </message>
    <message>
        <source>the client negotiated TLS 1.0 or 1.1, which Exchange Online no longer accepts (deprecated since {legacy_tls_retired})</source>
        <translation>客户端协商使用了 TLS 1.0 或 1.1，Exchange Online 已不再接受（自 {legacy_tls_retired} 起弃用）</translation>
    </message>
    <message>
        <source>Enable TLS 1.2 on the client: update the device firmware or application; on Windows/.NET turn on strong cryptography (SchUseStrongCrypto) and TLS 1.2. A device that cannot do TLS 1.2 must send through a local relay.</source>
        <translation>在客户端上启用 TLS 1.2：更新设备固件或应用程序；在 Windows/.NET 上启用强加密（SchUseStrongCrypto）和 TLS 1.2。无法使用 TLS 1.2 的设备必须通过本地中继发送。</translation>
    </message>
    <message>
        <source>the client tried to send without signing in (SMTP AUTH) first</source>
        <translation>客户端尝试在未先登录（SMTP AUTH）的情况下发送</translation>
    </message>
    <message>
        <source>Configure the device or application to sign in (user name and password, or OAuth) on smtp.office365.com port 587 with STARTTLS; a device that cannot sign in must use direct send or a connector instead.</source>
        <translation>将设备或应用程序配置为在 smtp.office365.com 的 587 端口上使用 STARTTLS 登录（用户名和密码，或 OAuth）；无法登录的设备必须改用直接发送或连接器。</translation>
    </message>
    <message>
        <source>the signed-in account may not send as the From address</source>
        <translation>已登录的帐户无权以发件人地址的身份发送</translation>
    </message>
    <message>
        <source>Use the signed-in mailbox&apos;s own address as From, or grant it Send As on the address it sends from (Add-RecipientPermission &lt;from&gt; -AccessRights SendAs -Trustee &lt;signed-in user&gt;).</source>
        <translation>使用已登录邮箱自己的地址作为发件人，或者为其授予发件地址的“发送方式”(Send As) 权限（Add-RecipientPermission &lt;from&gt; -AccessRights SendAs -Trustee &lt;signed-in user&gt;）。</translation>
    </message>
    <message>
        <source>the user name or password was not accepted</source>
        <translation>用户名或密码未被接受</translation>
    </message>
    <message>
        <source>Check the user name (the full address) and password. In Exchange Online an account with multi-factor authentication or a blocked sign-in cannot use a password here either: {oauth}.</source>
        <translation>检查用户名（完整地址）和密码。在 Exchange Online 中，启用了多重身份验证或被阻止登录的帐户也无法在此使用密码：{oauth}。</translation>
    </message>
    <message>
        <source>Check the user name and password, and that the account may sign in to this server (for Exchange Server: the Client Frontend receive connector&apos;s authentication settings).</source>
        <translation>检查用户名和密码，以及该帐户是否可以登录此服务器（对于 Exchange Server：检查 Client Frontend 接收连接器的身份验证设置）。</translation>
    </message>
    <message>
        <source>the server refused this sign-in method on this connection</source>
        <translation>服务器在此连接上拒绝了此登录方法</translation>
    </message>
    <message>
        <source>Use a method the server offers in its EHLO AUTH line; if it offers none, SMTP AUTH is not available on this endpoint.</source>
        <translation>使用服务器在其 EHLO AUTH 行中提供的方法；如果未提供任何方法，则此终结点不支持 SMTP AUTH。</translation>
    </message>
    <message>
        <source>the server requires STARTTLS before this command</source>
        <translation>服务器要求在此命令之前先执行 STARTTLS</translation>
    </message>
    <message>
        <source>Turn on STARTTLS (often called TLS, not SSL) in the client on port 587.</source>
        <translation>在客户端中为 587 端口启用 STARTTLS（通常称为 TLS，而不是 SSL）。</translation>
    </message>
    <message>
        <source>the server could not start TLS</source>
        <translation>服务器无法启动 TLS</translation>
    </message>
    <message>
        <source>The server&apos;s certificate or TLS configuration is broken; on Exchange Server check the certificate bound to SMTP (Get-ExchangeCertificate).</source>
        <translation>服务器的证书或 TLS 配置有问题；在 Exchange Server 上请检查绑定到 SMTP 的证书（Get-ExchangeCertificate）。</translation>
    </message>
    <message>
        <source>the server is not taking connections now (421)</source>
        <translation>服务器当前不接受连接 (421)</translation>
    </message>
    <message>
        <source>Try again later; if it persists, the server is overloaded, throttling this address or shutting down.</source>
        <translation>请稍后重试；如果问题持续存在，说明服务器过载、正在限制此地址或正在关闭。</translation>
    </message>
    <message>
        <source>the sign-in worked but the mailbox could not be opened</source>
        <translation>登录成功，但无法打开邮箱</translation>
    </message>
    <message>
        <source>Check that the account has an Exchange Online mailbox and {protocol_access}; with OAuth client credentials the app&apos;s service principal also needs FullAccess on the mailbox (Add-MailboxPermission).</source>
        <translation>检查该帐户是否拥有 Exchange Online 邮箱，并{protocol_access}；使用 OAuth 客户端凭据时，应用的服务主体还需要对该邮箱拥有 FullAccess 权限（Add-MailboxPermission）。</translation>
    </message>
    <message>
        <source>Exchange Online refused the sign-in: it no longer accepts passwords for IMAP and POP (Basic authentication was turned off on {basic_auth_retired}), or the protocol is off for the mailbox</source>
        <translation>Exchange Online 拒绝了登录：它不再接受 IMAP 和 POP 的密码（基本身份验证已于 {basic_auth_retired} 关闭），或者已为该邮箱关闭此协议</translation>
    </message>
    <message>
        <source>Move the application or device to OAuth 2.0 (XOAUTH2) with an app registration in Microsoft Entra ID, and {protocol_access}.</source>
        <translation>使用 Microsoft Entra ID 中的应用注册，将应用程序或设备迁移到 OAuth 2.0 (XOAUTH2)，并{protocol_access}。</translation>
    </message>
    <message>
        <source>Check the user name (Exchange wants the full address or DOMAIN\user) and password, and {protocol_access}.</source>
        <translation>检查用户名（Exchange 要求使用完整地址或 DOMAIN\user）和密码，并{protocol_access}。</translation>
    </message>
    <message>
        <source>the server refuses sign-in without TLS</source>
        <translation>服务器拒绝不使用 TLS 的登录</translation>
    </message>
    <message>
        <source>Use implicit TLS (993 for IMAP, 995 for POP) or STARTTLS.</source>
        <translation>使用隐式 TLS（IMAP 为 993，POP 为 995）或 STARTTLS。</translation>
    </message>
    <message>
        <source>the password has expired</source>
        <translation>密码已过期</translation>
    </message>
    <message>
        <source>Change the password (sign in to the web portal once), then try again.</source>
        <translation>更改密码（登录一次 Web 门户），然后重试。</translation>
    </message>
    <message>
        <source>the server could not complete the sign-in for now (a back end is unavailable)</source>
        <translation>服务器暂时无法完成登录（某个后端不可用）</translation>
    </message>
    <message>
        <source>Try again later; if it persists, the mailbox server behind this front end is down.</source>
        <translation>请稍后重试；如果问题持续存在，说明此前端后面的邮箱服务器已停止运行。</translation>
    </message>
    <message>
        <source>another POP session holds the mailbox</source>
        <translation>另一个 POP 会话正在占用该邮箱</translation>
    </message>
    <message>
        <source>Close the other POP client (or wait for its session to time out).</source>
        <translation>关闭另一个 POP 客户端（或等待其会话超时）。</translation>
    </message>
    <message>
        <source>the account signed in but may not act as the requested user</source>
        <translation>该帐户已登录，但无权以所请求用户的身份操作</translation>
    </message>
    <message>
        <source>Check the mailbox permissions of the signing-in account.</source>
        <translation>检查登录帐户的邮箱权限。</translation>
    </message>
    <message>
        <source>Check the user name (often the full address) and password, and {protocol_access}.</source>
        <translation>检查用户名（通常是完整地址）和密码，并{protocol_access}。</translation>
    </message>
    <message>
        <source>Type the user name and password again by hand: a pasted value can carry a line break or another invisible character, and a terminal set to another encoding than UTF-8 garbles letters beyond ASCII.</source>
        <translation>请手动重新输入用户名和密码：粘贴的内容可能带有换行符或其他不可见字符，而编码不是 UTF-8 的终端会把 ASCII 以外的字母弄乱。</translation>
    </message>
    <message>
        <source>Connect to {host}:{port}</source>
        <translation>连接到 {host}:{port}</translation>
    </message>
    <message>
        <source>STARTTLS and TLS handshake</source>
        <translation>STARTTLS 和 TLS 握手</translation>
    </message>
    <message>
        <source>{error}; no credentials were sent</source>
        <translation>{error}；未发送任何凭据</translation>
    </message>
    <message>
        <source>{host} offers TLS 1.2 and later: an old version here means something on the way terminates TLS (a proxy, firewall or antivirus). Update it, or exclude Microsoft 365 endpoints from TLS inspection.</source>
        <translation>{host} 提供 TLS 1.2 及更高版本：此处出现旧版本说明途中有程序终止了 TLS（代理、防火墙或防病毒软件）。请更新该程序，或将 Microsoft 365 终结点排除在 TLS 检查之外。</translation>
    </message>
    <message>
        <source>Turn on TLS 1.2 (and 1.3) on {host}; TLS 1.0 and 1.1 are deprecated and current clients refuse them. On Windows servers enable TLS 1.2 in SCHANNEL; update appliances&apos; firmware.</source>
        <translation>在 {host} 上启用 TLS 1.2（和 1.3）；TLS 1.0 和 1.1 已弃用，当前的客户端会拒绝它们。在 Windows 服务器上，请在 SCHANNEL 中启用 TLS 1.2；请更新设备的固件。</translation>
    </message>
    <message>
        <source>Offered over TLS: {offered}</source>
        <translation>通过 TLS 提供：{offered}</translation>
    </message>
    <message>
        <source>not tried: no connection</source>
        <translation>未尝试：没有连接</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS 握手</translation>
    </message>
    <message>
        <source>certificate valid for {host}</source>
        <translation>证书对 {host} 有效</translation>
    </message>
    <message>
        <source>{connection} (second connection, for the TLS version only)</source>
        <translation>{connection}（第二个连接，仅用于确定 TLS 版本）</translation>
    </message>
    <message>
        <source>the server only offers {version_name} ({version}); this computer requires TLS 1.2 or later, as Exchange Online has since {date}; no credentials were sent</source>
        <translation>服务器只提供 {version_name} ({version})；此计算机要求 TLS 1.2 或更高版本（Exchange Online 自 {date} 起也是如此）；未发送任何凭据</translation>
    </message>
    <message>
        <source>signed in as {user} {outcome}</source>
        <translation>已以 {user} 身份登录 {outcome}</translation>
    </message>
    <message>
        <source>a character of the user name or password could not be encoded for sending; the sign-in was not completed</source>
        <translation>用户名或密码中有字符无法编码发送；登录未完成</translation>
    </message>
    <message>
        <source>{connection}; greeting: {server_reply}</source>
        <translation>{connection}；问候语：{server_reply}</translation>
    </message>
    <message>
        <source>certificate valid for {host} (1 day left)</source>
        <translation>证书对 {host} 有效（剩余 1 天）</translation>
    </message>
    <message>
        <source>certificate valid for {host} ({days} days left)</source>
        <translation>证书对 {host} 有效（剩余 {days} 天）</translation>
    </message>
    <message>
        <source>{connection} (second connection, for the certificate only)</source>
        <translation>{connection}（第二个连接，仅用于获取证书）</translation>
    </message>
    <message>
        <source>Certificate problems:
{problems}</source>
        <translation>证书问题：
{problems}</translation>
    </message>
    <message>
        <source>{connection}; on this port the server speaks after TLS</source>
        <translation>{connection}；在此端口上，服务器在 TLS 握手之后才开始通信</translation>
    </message>
    <message>
        <source>no greeting: {error}</source>
        <translation>没有问候语：{error}</translation>
    </message>
    <message>
        <source>Offered before TLS: {offered}</source>
        <translation>TLS 之前提供：{offered}</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS on port {port}: the connection cannot be encrypted, so no credentials were sent</source>
        <translation>服务器在 {port} 端口上不提供 STARTTLS：连接无法加密，因此未发送任何凭据</translation>
    </message>
    <message>
        <source>Sign in with OAuth (XOAUTH2), which is what this server offers.</source>
        <translation>使用 OAuth (XOAUTH2) 登录，这是此服务器提供的方法。</translation>
    </message>
    <message>
        <source>not signed in as {user}: {error}</source>
        <translation>未能以 {user} 身份登录：{error}</translation>
    </message>
    <message>
        <source>connected, but {error}</source>
        <translation>已连接，但{error}</translation>
    </message>
    <message>
        <source>TLS works ({tls}), but then {error}</source>
        <translation>TLS 正常（{tls}），但随后{error}</translation>
    </message>
    <message>
        <source>Offered: {offered}</source>
        <translation>提供：{offered}</translation>
    </message>
    <message>
        <source>Use the implicit-TLS port ({implicit_port}) if the server has one, or turn on TLS for this port on the server. If the server normally offers STARTTLS, something on the way strips it (a firewall&apos;s SMTP/IMAP &apos;fixup&apos; or inspection feature).</source>
        <translation>如果服务器有隐式 TLS 端口（{implicit_port}），请使用该端口，或在服务器上为此端口启用 TLS。如果服务器通常会提供 STARTTLS，说明途中有程序将其剥离（防火墙的 SMTP/IMAP“fixup”或检查功能）。</translation>
    </message>
    <message>
        <source>STARTTLS failed: {error}</source>
        <translation>STARTTLS 失败：{error}</translation>
    </message>
    <message>
        <source>Check that {host} resolves and that outbound TCP port {port} is open on this network (firewall, proxy, provider blocks).</source>
        <translation>检查 {host} 能否解析，以及此网络上的出站 TCP 端口 {port} 是否开放（防火墙、代理、提供商封锁）。</translation>
    </message>
    <message>
        <source>MAPI over HTTP endpoints</source>
        <translation>MAPI over HTTP 终结点</translation>
    </message>
    <message>
        <source>{request_type} with the OAuth token</source>
        <translation>使用 OAuth 令牌执行 {request_type}</translation>
    </message>
    <message>
        <source>POST {url} (Bearer)</source>
        <translation>POST {url}（Bearer）</translation>
    </message>
    <message>
        <source>{endpoint}: {summary}</source>
        <translation>{endpoint}：{summary}</translation>
    </message>
    <message>
        <source>404: MAPI over HTTP is not published at this URL</source>
        <translation>404：此 URL 上未发布 MAPI over HTTP</translation>
    </message>
    <message>
        <source>no token sent: {reason}</source>
        <translation>未发送令牌：{reason}</translation>
    </message>
    <message>
        <source>accepted: {request_type} succeeded (X-ResponseCode 0)</source>
        <translation>已接受：{request_type} 成功（X-ResponseCode 0）</translation>
    </message>
    <message>
        <source>not accepted ({cause}); Outlook signs in to MAPI with its own app registration, so this alone does not affect Outlook</source>
        <translation>未接受（{cause}）；Outlook 使用自己的应用注册登录 MAPI，因此仅此一项不会影响 Outlook</translation>
    </message>
    <message>
        <source>answered HTTP {status} {status_text}, X-ResponseCode {code}</source>
        <translation>应答 HTTP {status} {status_text}，X-ResponseCode {code}</translation>
    </message>
    <message>
        <source>answered HTTP {status} {status_text}</source>
        <translation>应答 HTTP {status} {status_text}</translation>
    </message>
    <message>
        <source>no MAPI over HTTP URL: autodiscover found none and the cloud has no default</source>
        <translation>没有 MAPI over HTTP URL：自动发现未找到，且该云没有默认值</translation>
    </message>
    <message>
        <source>URLs from cloud defaults</source>
        <translation>URL 来自云默认值</translation>
    </message>
    <message>
        <source>URLs from {step}</source>
        <translation>URL 来自 {step}</translation>
    </message>
    <message>
        <source>On Exchange Server: Set-OrganizationConfig -MapiHttpEnabled $true and check Get-MapiVirtualDirectory&apos;s internal and external URLs.</source>
        <translation>在 Exchange Server 上：运行 Set-OrganizationConfig -MapiHttpEnabled $true，并检查 Get-MapiVirtualDirectory 的内部和外部 URL。</translation>
    </message>
    <message>
        <source>answers and asks for sign-in (no scheme named)</source>
        <translation>有应答并要求登录（未指明任何方案）</translation>
    </message>
    <message>
        <source>with the token: {summary}</source>
        <translation>使用令牌时：{summary}</translation>
    </message>
    <message>
        <source>see auth.token for the sign-in and the token&apos;s claims</source>
        <translation>登录过程和令牌的声明请参阅 auth.token</translation>
    </message>
    <message>
        <source>{cause} ({server_said})</source>
        <translation>{cause}（{server_said}）</translation>
    </message>
    <message>
        <source>Compare the token&apos;s audience, scopes, tenant and expiry in auth.token with what the protocol needs.</source>
        <translation>请将 auth.token 中令牌的受众、范围、租户和过期时间与该协议的要求进行比较。</translation>
    </message>
    <message>
        <source>Add the permission to the app registration, grant consent, and sign in again.</source>
        <translation>请在应用注册中添加该权限，授予同意，然后重新登录。</translation>
    </message>
    <message>
        <source>Add the application permission under Office 365 Exchange Online and grant admin consent; auth.token names the role that is missing.</source>
        <translation>请在 Office 365 Exchange Online 下添加应用程序权限并授予管理员同意；auth.token 会指出缺少的角色。</translation>
    </message>
    <message>
        <source>Give the app&apos;s service principal access to the mailbox: Exchange Online PowerShell New-ServicePrincipal, then Add-MailboxPermission (IMAP/POP), or an application RBAC role assignment scoped to the mailbox (EWS).</source>
        <translation>请授予该应用的服务主体对邮箱的访问权限：在 Exchange Online PowerShell 中运行 New-ServicePrincipal，然后运行 Add-MailboxPermission（IMAP/POP），或创建作用范围为该邮箱的应用程序 RBAC 角色分配（EWS）。</translation>
    </message>
    <message>
        <source>{host} refused the token for {protocol}. Usual causes: the token is for another audience (Microsoft Graph) or lacks the protocol&apos;s scope; it expired; the user is not the mailbox&apos;s owner and has no FullAccess; the protocol is turned off for the mailbox (Set-CASMailbox). See auth.token for the sign-in and the token&apos;s claims.</source>
        <translation>{host} 拒绝了用于 {protocol} 的令牌。常见原因：令牌是颁发给另一个受众（Microsoft Graph）的，或缺少该协议的范围；令牌已过期；用户不是邮箱的所有者且没有 FullAccess 权限；该邮箱已关闭此协议（Set-CASMailbox）。登录过程和令牌的声明请参阅 auth.token。</translation>
    </message>
    <message>
        <source>Ask for the Exchange Online scopes (https://outlook.office.com/...), not Microsoft Graph&apos;s; auth.token shows the audience the token has.</source>
        <translation>请请求 Exchange Online 的范围（https://outlook.office.com/...），而不是 Microsoft Graph 的；auth.token 会显示令牌的受众。</translation>
    </message>
    <message>
        <source>Sign in again (tokens live about an hour); check this computer&apos;s clock.</source>
        <translation>请重新登录（令牌有效期约为一小时）；并检查这台计算机的时钟。</translation>
    </message>
    <message>
        <source>{host} refused the token</source>
        <translation>{host} 拒绝了令牌</translation>
    </message>
    <message>
        <source>{host} refused the token: it lacks the permission this protocol needs</source>
        <translation>{host} 拒绝了令牌：令牌缺少此协议所需的权限</translation>
    </message>
    <message>
        <source>{host} refused the app&apos;s token: it lacks the application permission (role) this protocol needs</source>
        <translation>{host} 拒绝了该应用的令牌：它缺少此协议所需的应用程序权限（角色）</translation>
    </message>
    <message>
        <source>{host} accepted the app&apos;s token but not for this mailbox</source>
        <translation>{host} 接受了应用的令牌，但不允许其访问此邮箱</translation>
    </message>
    <message>
        <source>{host} refused the app&apos;s token for {protocol}. Usual causes: the application permission (IMAP.AccessAsApp, POP.AccessAsApp, SMTP.SendAsApp) is missing or without admin consent; the service principal is not registered in Exchange (New-ServicePrincipal) or has no permission on this mailbox (Add-MailboxPermission); the protocol is turned off for the mailbox. See auth.token for the sign-in and the token&apos;s claims.</source>
        <translation>{host} 拒绝了应用用于 {protocol} 的令牌。常见原因：缺少应用程序权限（IMAP.AccessAsApp、POP.AccessAsApp、SMTP.SendAsApp）或未授予管理员同意；服务主体未在 Exchange 中注册（New-ServicePrincipal）或对此邮箱没有权限（Add-MailboxPermission）；该邮箱已关闭此协议。登录过程和令牌的声明请参阅 auth.token。</translation>
    </message>
    <message>
        <source>{host} refused the token: it is not for Exchange Online</source>
        <translation>{host} 拒绝了令牌：该令牌不是颁发给 Exchange Online 的</translation>
    </message>
    <message>
        <source>{host} refused the token: it has expired</source>
        <translation>{host} 拒绝了令牌：令牌已过期</translation>
    </message>
    <message>
        <source>{host} refused the token: it comes from another tenant</source>
        <translation>{host} 拒绝了令牌：令牌来自另一个租户</translation>
    </message>
    <message>
        <source>no token, so no sign-in: {cause}</source>
        <translation>没有令牌，因此无法登录：{cause}</translation>
    </message>
    <message>
        <source>{usage}, {selector}, {matching}</source>
        <translation>{usage}，{selector}，{matching}</translation>
    </message>
    <message>
        <source>full certificate</source>
        <translation>完整证书</translation>
    </message>
    <message>
        <source>public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <source>TLSA record &apos;{record}&apos; has too few fields</source>
        <translation>TLSA 记录 &apos;{record}&apos; 的字段太少</translation>
    </message>
    <message>
        <source>TLSA record &apos;{record}&apos; has an unknown usage, selector or type</source>
        <translation>TLSA 记录 &apos;{record}&apos; 的用途、选择器或匹配类型未知</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <source>TLSA record &apos;{record}&apos; has a usage, selector or type that is not a number</source>
        <translation>TLSA 记录 &apos;{record}&apos; 的用途、选择器或匹配类型不是数字</translation>
    </message>
    <message>
        <source>unknown tag &apos;{tag}={value}&apos; is ignored</source>
        <translation>未知标记 &apos;{tag}={value}&apos; 将被忽略</translation>
    </message>
    <message>
        <source>{tag}={value} is not a policy; use none, quarantine or reject</source>
        <translation>{tag}={value} 不是策略；请使用 none、quarantine 或 reject</translation>
    </message>
    <message>
        <source>the record must start with v=DMARC1</source>
        <translation>记录必须以 v=DMARC1 开头</translation>
    </message>
    <message>
        <source>no p= policy (add p=none, p=quarantine or p=reject)</source>
        <translation>没有 p= 策略（请添加 p=none、p=quarantine 或 p=reject）</translation>
    </message>
    <message>
        <source>p=none is monitoring only: spoofed mail is still delivered</source>
        <translation>p=none 仅用于监视：伪造邮件仍会被投递</translation>
    </message>
    <message>
        <source>sp=none: spoofed mail from subdomains is still delivered</source>
        <translation>sp=none：来自子域的伪造邮件仍会被投递</translation>
    </message>
    <message>
        <source>pct={pct}: the policy applies to only {pct}% of failing mail</source>
        <translation>pct={pct}：策略仅适用于 {pct}% 的未通过邮件</translation>
    </message>
    <message>
        <source>no rua= address: you get no aggregate reports</source>
        <translation>没有 rua= 地址：你不会收到聚合报告</translation>
    </message>
    <message>
        <source>ri={value}: the report interval must be a number of seconds</source>
        <translation>ri={value}：报告间隔必须是秒数</translation>
    </message>
    <message>
        <source>fo={value}: failure options must be 0, 1, d or s, joined by &apos;:&apos;</source>
        <translation>fo={value}：失败选项必须是 0、1、d 或 s，并以 &apos;:&apos; 连接</translation>
    </message>
    <message>
        <source>rf={value}: the report format must be afrf</source>
        <translation>rf={value}：报告格式必须是 afrf</translation>
    </message>
    <message>
        <source>write the version as v=DMARC1 (capitals), not v={version}</source>
        <translation>版本应写为 v=DMARC1（大写），而不是 v={version}</translation>
    </message>
    <message>
        <source>v={version} is not a DMARC version; use v=DMARC1</source>
        <translation>v={version} 不是 DMARC 版本；请使用 v=DMARC1</translation>
    </message>
    <message>
        <source>pct={value}: must be a whole number from 0 to 100</source>
        <translation>pct={value}：必须是 0 到 100 之间的整数</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: tags must be separated by &apos;;&apos;</source>
        <translation>&apos;{text}&apos;：标记之间必须用 &apos;;&apos; 分隔</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a tag=value pair</source>
        <translation>&apos;{text}&apos; 不是 tag=value 对</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; does not start with a valid tag name</source>
        <translation>&apos;{text}&apos; 不是以有效的标记名称开头</translation>
    </message>
    <message>
        <source>{tag}={value}: {protocol} alignment must be r (relaxed) or s (strict)</source>
        <translation>{tag}={value}：{protocol} 对齐方式必须是 r（宽松）或 s（严格）</translation>
    </message>
    <message>
        <source>{tag}= has an empty address</source>
        <translation>{tag}= 包含空地址</translation>
    </message>
    <message>
        <source>&apos;{tag}&apos; appears more than once</source>
        <translation>&apos;{tag}&apos; 出现了多次</translation>
    </message>
    <message>
        <source>{tag}={value} is not a valid mailto: address</source>
        <translation>{tag}={value} 不是有效的 mailto: 地址</translation>
    </message>
    <message>
        <source>{tag}={value} must be a mailto: URI, e.g. mailto:{address}</source>
        <translation>{tag}={value} 必须是 mailto: URI，例如 mailto:{address}</translation>
    </message>
    <message>
        <source>{tag}={value} must be a mailto: URI (reports are only sent by mail)</source>
        <translation>{tag}={value} 必须是 mailto: URI（报告只通过邮件发送）</translation>
    </message>
    <message>
        <source>&apos;{pattern}&apos; is not a valid host name or *.domain pattern</source>
        <translation>&apos;{pattern}&apos; 不是有效的主机名或 *.domain 模式</translation>
    </message>
    <message>
        <source>the record must start with v={version}</source>
        <translation>记录必须以 v={version} 开头</translation>
    </message>
    <message>
        <source>no id= field (senders use it to notice a changed policy)</source>
        <translation>没有 id= 字段（发件方通过它发现策略已更改）</translation>
    </message>
    <message>
        <source>no &apos;version: STSv1&apos; line</source>
        <translation>没有 &apos;version: STSv1&apos; 行</translation>
    </message>
    <message>
        <source>no &apos;mode:&apos; line (enforce, testing or none)</source>
        <translation>没有 &apos;mode:&apos; 行（enforce、testing 或 none）</translation>
    </message>
    <message>
        <source>no &apos;max_age:&apos; line</source>
        <translation>没有 &apos;max_age:&apos; 行</translation>
    </message>
    <message>
        <source>no &apos;mx:&apos; lines: senders could not deliver to any MX under this policy</source>
        <translation>没有 &apos;mx:&apos; 行：在此策略下，发件方无法向任何 MX 投递</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: fields must be separated by &apos;;&apos;</source>
        <translation>&apos;{text}&apos;：字段之间必须用 &apos;;&apos; 分隔</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a name=value field</source>
        <translation>&apos;{text}&apos; 不是 name=value 字段</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has an empty value or one with spaces</source>
        <translation>&apos;{text}&apos; 的值为空或包含空格</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; appears more than once</source>
        <translation>&apos;{name}&apos; 出现了多次</translation>
    </message>
    <message>
        <source>id={value} must be 1 to 32 letters and digits</source>
        <translation>id={value} 必须由 1 到 32 个字母和数字组成</translation>
    </message>
    <message>
        <source>line {number} is not &apos;key: value&apos;: {text}</source>
        <translation>第 {number} 行不是 &apos;key: value&apos; 格式：{text}</translation>
    </message>
    <message>
        <source>line {number}: write &apos;{key}&apos; in lower case</source>
        <translation>第 {number} 行：&apos;{key}&apos; 应使用小写</translation>
    </message>
    <message>
        <source>version: {version} is not supported; use STSv1</source>
        <translation>version: {version} 不受支持；请使用 STSv1</translation>
    </message>
    <message>
        <source>mode: {mode} must be enforce, testing or none (lower case)</source>
        <translation>mode: {mode} 必须是 enforce、testing 或 none（小写）</translation>
    </message>
    <message>
        <source>max_age: {value} must be a number of seconds from 0 to {limit}</source>
        <translation>max_age: {value} 必须是 0 到 {limit} 之间的秒数</translation>
    </message>
    <message>
        <source>write the version exactly as v={version}, not {text}</source>
        <translation>版本应严格写为 v={version}，而不是 {text}</translation>
    </message>
    <message>
        <source>{text} is not v={version}</source>
        <translation>{text} 不是 v={version}</translation>
    </message>
    <message>
        <source>line {number}: {problem}</source>
        <translation>第 {number} 行：{problem}</translation>
    </message>
    <message>
        <source>&apos;{token}&apos;: {problem}</source>
        <translation>&apos;{token}&apos;：{problem}</translation>
    </message>
    <message>
        <source>{kind} value &apos;{value}&apos; is not an {family} address/prefix</source>
        <translation>{kind} 值 &apos;{value}&apos; 不是 {family} 地址/前缀</translation>
    </message>
    <message>
        <source>{domain}: {problem}</source>
        <translation>{domain}：{problem}</translation>
    </message>
    <message>
        <source>&apos;{term}&apos; uses macros; not expanded</source>
        <translation>&apos;{term}&apos; 使用了宏；未展开</translation>
    </message>
    <message>
        <source>{kind} value &apos;{value}&apos; is not an {family} address/prefix (use {other}: for IPv{version})</source>
        <translation>{kind} 值 &apos;{value}&apos; 不是 {family} 地址/前缀（IPv{version} 请使用 {other}:）</translation>
    </message>
    <message>
        <source>&apos;{spec}&apos; contains characters that are not allowed</source>
        <translation>&apos;{spec}&apos; 包含不允许的字符</translation>
    </message>
    <message>
        <source>&apos;{spec}&apos; has a &apos;%&apos; that does not start a valid macro</source>
        <translation>&apos;{spec}&apos; 中的 &apos;%&apos; 不是有效宏的开头</translation>
    </message>
    <message>
        <source>the domain is missing</source>
        <translation>缺少域</translation>
    </message>
    <message>
        <source>&apos;{spec}&apos; does not end in a valid domain</source>
        <translation>&apos;{spec}&apos; 不是以有效的域结尾</translation>
    </message>
    <message>
        <source>&apos;{spec}&apos; is not a fully qualified domain name</source>
        <translation>&apos;{spec}&apos; 不是完全限定域名</translation>
    </message>
    <message>
        <source>&apos;{spec}&apos; is not a valid domain name</source>
        <translation>&apos;{spec}&apos; 不是有效的域名</translation>
    </message>
    <message>
        <source>the record does not start with v=spf1</source>
        <translation>记录不是以 v=spf1 开头</translation>
    </message>
    <message>
        <source>&apos;{token}&apos; is a qualifier without a mechanism</source>
        <translation>&apos;{token}&apos; 是没有机制的限定符</translation>
    </message>
    <message>
        <source>&apos;{token}&apos; has an invalid qualifier (use one of + - ~ ? before the mechanism)</source>
        <translation>&apos;{token}&apos; 的限定符无效（请在机制前使用 + - ~ ? 之一）</translation>
    </message>
    <message>
        <source>unknown mechanism &apos;{token}&apos;</source>
        <translation>未知机制 &apos;{token}&apos;</translation>
    </message>
    <message>
        <source>&apos;{token}&apos; is not a valid {kind} mechanism</source>
        <translation>&apos;{token}&apos; 不是有效的 {kind} 机制</translation>
    </message>
    <message>
        <source>&apos;{macro}&apos; is not a macro usable in a domain</source>
        <translation>&apos;{macro}&apos; 不是可在域中使用的宏</translation>
    </message>
    <message>
        <source>&apos;{macro}&apos;: the number of parts must not be 0</source>
        <translation>&apos;{macro}&apos;：部分数不能为 0</translation>
    </message>
    <message>
        <source>stopped expanding after {limit} DNS lookups; the record needs more</source>
        <translation>已在 {limit} 次 DNS 查询后停止展开；该记录需要更多查询</translation>
    </message>
    <message>
        <source>more than {limit} void lookups ({count})</source>
        <translation>空查询超过 {limit} 次（{count} 次）</translation>
    </message>
    <message>
        <source>{count} SPF records; only one is allowed</source>
        <translation>{count} 条 SPF 记录；只允许一条</translation>
    </message>
    <message>
        <source>terms after &apos;{term}&apos; are never evaluated: {terms}</source>
        <translation>&apos;{term}&apos; 之后的项永远不会被评估：{terms}</translation>
    </message>
    <message>
        <source>&apos;redirect={domain}&apos; is ignored because the record has &apos;all&apos;</source>
        <translation>由于记录中有 &apos;all&apos;，&apos;redirect={domain}&apos; 将被忽略</translation>
    </message>
    <message>
        <source>&apos;{term}&apos; is deprecated (RFC 7208 §5.5) and slow; use ip4/ip6/a</source>
        <translation>&apos;{term}&apos; 已弃用（RFC 7208 §5.5）且速度慢；请使用 ip4/ip6/a</translation>
    </message>
    <message>
        <source>&apos;{token}&apos;: {name} is a mechanism, write &apos;{name}:&apos; not &apos;{name}=&apos;</source>
        <translation>&apos;{token}&apos;：{name} 是机制，应写为 &apos;{name}:&apos; 而不是 &apos;{name}=&apos;</translation>
    </message>
    <message>
        <source>&apos;{token}&apos;: a modifier such as &apos;{name}=&apos; cannot have a qualifier</source>
        <translation>&apos;{token}&apos;：&apos;{name}=&apos; 等修饰符不能带限定符</translation>
    </message>
    <message>
        <source>&apos;{token}&apos;: &apos;all&apos; takes no value</source>
        <translation>&apos;{token}&apos;：&apos;all&apos; 不带值</translation>
    </message>
    <message>
        <source>&apos;{token}&apos;: {kind} needs an address, e.g. {example}</source>
        <translation>&apos;{token}&apos;：{kind} 需要地址，例如 {example}</translation>
    </message>
    <message>
        <source>&apos;{token}&apos;: {kind} needs a domain, e.g. {kind}:example.com</source>
        <translation>&apos;{token}&apos;：{kind} 需要域，例如 {kind}:example.com</translation>
    </message>
    <message>
        <source>more than {limit} DNS lookups ({count}+)</source>
        <translation>DNS 查询超过 {limit} 次（{count}+ 次）</translation>
    </message>
    <message>
        <source>more than {limit} DNS lookups ({count})</source>
        <translation>DNS 查询超过 {limit} 次（{count} 次）</translation>
    </message>
    <message>
        <source>TXT lookup failed ({outcome})</source>
        <translation>TXT 查询失败（{outcome}）</translation>
    </message>
    <message>
        <source>{term} has no SPF record</source>
        <translation>{term} 没有 SPF 记录</translation>
    </message>
    <message>
        <source>no SPF record (the name does not exist)</source>
        <translation>没有 SPF 记录（该名称不存在）</translation>
    </message>
    <message>
        <source>no SPF record</source>
        <translation>没有 SPF 记录</translation>
    </message>
    <message>
        <source>{term} has {count} SPF records (there must be exactly one)</source>
        <translation>{term} 有 {count} 条 SPF 记录（必须只有一条）</translation>
    </message>
    <message>
        <source>uses macros; not expanded</source>
        <translation>使用了宏；未展开</translation>
    </message>
    <message>
        <source>include loop: {chain}</source>
        <translation>include 循环：{chain}</translation>
    </message>
    <message>
        <source>redirect loop: {chain}</source>
        <translation>redirect 循环：{chain}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; appears twice</source>
        <translation>&apos;{name}&apos; 出现了两次</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; appears {count} times</source>
        <translation>&apos;{name}&apos; 出现了 {count} 次</translation>
    </message>
    <message>
        <source>unknown modifier &apos;{term}&apos; is ignored</source>
        <translation>未知修饰符 &apos;{term}&apos; 将被忽略</translation>
    </message>
    <message>
        <source>&apos;{token}&apos; needs &apos;{kind}:&apos; in front of the address</source>
        <translation>&apos;{token}&apos; 需要在地址前加上 &apos;{kind}:&apos;</translation>
    </message>
    <message>
        <source>{domain}: &apos;{term}&apos;: {target} has no address (void lookup)</source>
        <translation>{domain}：&apos;{term}&apos;：{target} 没有地址（空查询）</translation>
    </message>
    <message>
        <source>{domain}: &apos;{term}&apos;: {target} has no MX (void lookup)</source>
        <translation>{domain}：&apos;{term}&apos;：{target} 没有 MX（空查询）</translation>
    </message>
    <message>
        <source>&apos;{token}&apos;: prefix length /{digits} must be 0–{limit}</source>
        <translation>&apos;{token}&apos;：前缀长度 /{digits} 必须在 0–{limit} 之间</translation>
    </message>
    <message>
        <source>{domain}: &apos;{term}&apos;: {target} has {count} MX hosts; SPF allows at most {limit}</source>
        <translation>{domain}：&apos;{term}&apos;：{target} 有 {count} 个 MX 主机；SPF 最多允许 {limit} 个</translation>
    </message>
    <message>
        <source>rua {uri} must start with mailto: or https:</source>
        <translation>rua {uri} 必须以 mailto: 或 https: 开头</translation>
    </message>
    <message>
        <source>rua {uri} is not a valid mailto: address</source>
        <translation>rua {uri} 不是有效的 mailto: 地址</translation>
    </message>
    <message>
        <source>no rua= field (where reports should be sent)</source>
        <translation>没有 rua= 字段（报告的发送地址）</translation>
    </message>
    <message>
        <source>rua {uri} is not a valid https: URL</source>
        <translation>rua {uri} 不是有效的 https: URL</translation>
    </message>
    <message>
        <source>POP sign-in and mailbox</source>
        <translation>POP 登录和邮箱</translation>
    </message>
    <message>
        <source>Mailbox statistics (STAT)</source>
        <translation>邮箱统计信息 (STAT)</translation>
    </message>
    <message>
        <source>no CAPA</source>
        <translation>无 CAPA</translation>
    </message>
    <message>
        <source>1 message, {size} bytes</source>
        <translation>1 封邮件，{size} 字节</translation>
    </message>
    <message>
        <source>{count} messages, {size} bytes</source>
        <translation>{count} 封邮件，{size} 字节</translation>
    </message>
    <message>
        <source>signed in to {server}; mailbox: {mailbox}</source>
        <translation>已登录到 {server}；邮箱：{mailbox}</translation>
    </message>
    <message>
        <source>unknown check &apos;{name}&apos;: use an area ({areas}) or a check ID</source>
        <translation>未知的检查“{name}”：请使用检查区域（{areas}）或检查 ID</translation>
    </message>
    <message>
        <source>SMTP client submission (SMTP AUTH)</source>
        <translation>SMTP 客户端提交 (SMTP AUTH)</translation>
    </message>
    <message>
        <source>SMTP AUTH with a password in Exchange Online: retirement dates</source>
        <translation>Exchange Online 中使用密码的 SMTP AUTH：停用日期</translation>
    </message>
    <message>
        <source>AUTH mechanisms and sign-in with the password</source>
        <translation>AUTH 机制和使用密码登录</translation>
    </message>
    <message>
        <source>Offer authentication for client submission after TLS (Exchange Server: the &apos;Client Frontend&apos; receive connector on port 587 with Basic authentication offered after STARTTLS), or send through a connector instead.</source>
        <translation>在 TLS 之后为客户端提交提供身份验证（Exchange Server：587 端口上的“Client Frontend”接收连接器，在 STARTTLS 之后提供基本身份验证），或者改为通过连接器发送。</translation>
    </message>
    <message>
        <source>(AUTH {mechanism}): {server_reply}</source>
        <translation>(AUTH {mechanism})：{server_reply}</translation>
    </message>
    <message>
        <source>SMTP AUTH with a password (Basic authentication) is off by default for existing Exchange Online tenants since the end of December 2026 ({date}); OAuth keeps working</source>
        <translation>自 2026 年 12 月底（{date}）起，现有 Exchange Online 租户默认关闭使用密码的 SMTP AUTH（基本身份验证）；OAuth 仍可正常使用</translation>
    </message>
    <message>
        <source>{host} offers AUTH after STARTTLS on port 587. If it is missing, something on the way rewrites the conversation (a firewall&apos;s SMTP inspection or &apos;fixup&apos;), or this is not the submission endpoint (port 25 of an MX host takes no AUTH).</source>
        <translation>{host} 在 587 端口上的 STARTTLS 之后提供 AUTH。如果缺少 AUTH，说明途中有程序改写了会话（防火墙的 SMTP 检查或“fixup”），或者这不是提交终结点（MX 主机的 25 端口不接受 AUTH）。</translation>
    </message>
    <message>
        <source>the server offers {offered}: no password sign-in</source>
        <translation>服务器提供 {offered}：不支持密码登录</translation>
    </message>
    <message>
        <source>{server}: {result}</source>
        <translation>{server}：{result}</translation>
    </message>
    <message>
        <source>SMTP AUTH with a password (Basic authentication) is off by default for existing Exchange Online tenants from the end of December 2026 ({date}, in 1 day); OAuth keeps working</source>
        <translation>从 2026 年 12 月底（{date}，还有 1 天）起，现有 Exchange Online 租户将默认关闭使用密码的 SMTP AUTH（基本身份验证）；OAuth 仍可正常使用</translation>
    </message>
    <message>
        <source>a control character ({name}) at position {position}: SPF separates terms with spaces only (RFC 7208 §4.6.1), so receivers treat the record as a permerror</source>
        <translation>第 {position} 个字符处有控制字符（{name}）：SPF 只用空格分隔各项（RFC 7208 §4.6.1），因此接收方会将该记录视为 permerror</translation>
    </message>
    <message>
        <source>{count} more control characters</source>
        <translation>另有 {count} 个控制字符</translation>
    </message>
    <message>
        <source>{term}: the {rdtype} lookup of {name} did not answer ({outcome}): a temporary DNS error, not a fault in the record; receivers return temperror and try again later</source>
        <translation>{term}：{name} 的 {rdtype} 查询没有应答（{outcome}）：这是临时 DNS 错误，不是记录本身的问题；接收方会返回 temperror 并稍后重试</translation>
    </message>
    <message>
        <source>SMTP AUTH with a password (Basic authentication) is off by default for existing Exchange Online tenants from the end of December 2026 ({date}, in {days} days); OAuth keeps working</source>
        <translation>从 2026 年 12 月底（{date}，还有 {days} 天）起，现有 Exchange Online 租户将默认关闭使用密码的 SMTP AUTH（基本身份验证）；OAuth 仍可正常使用</translation>
    </message>
    <message>
        <source>password sign-in works today, but: {note}</source>
        <translation>密码登录目前可用，但是：{note}</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>问候语</translation>
    </message>
    <message>
        <source>the server offers no AUTH over TLS: SMTP AUTH is not available on this endpoint</source>
        <translation>服务器未通过 TLS 提供 AUTH：此终结点不支持 SMTP AUTH</translation>
    </message>
    <message>
        <source>EHLO over TLS: {extensions}</source>
        <translation>通过 TLS 的 EHLO：{extensions}</translation>
    </message>
    <message>
        <source>no credentials for this run (the server offers {offered})</source>
        <translation>本次运行没有凭据（服务器提供 {offered}）</translation>
    </message>
    <message>
        <source>Exchange Server on-premises: these dates are for Exchange Online</source>
        <translation>本地 Exchange Server：这些日期适用于 Exchange Online</translation>
    </message>
    <message>
        <source>Move password-based SMTP AUTH senders to OAuth or another sending method before the date; until then an admin can keep it on per mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false).</source>
        <translation>请在该日期之前将使用密码的 SMTP AUTH 发件方迁移到 OAuth 或其他发送方式；在此之前，管理员可以按邮箱保持启用（Set-CASMailbox -SmtpClientAuthenticationDisabled $false）。</translation>
    </message>
    <message>
        <source>the password is not valid UTF-8 text: check the encoding of the terminal or of the variable that holds it</source>
        <translation>密码不是有效的 UTF-8 文本：请检查终端或保存密码的变量的编码</translation>
    </message>
    <message>
        <source>--{protocol} &apos;{server}&apos;: expected HOST[:PORT][:ssl|starttls|none], e.g. {example}</source>
        <translation>--{protocol}“{server}”：格式应为 HOST[:PORT][:ssl|starttls|none]，例如 {example}</translation>
    </message>
    <message>
        <source>the sign-in name contains a control character (a line break, tab or the like); type it without one</source>
        <translation>登录名中含有控制字符（换行符、制表符等）；请去掉后重新输入</translation>
    </message>
    <message>
        <source>the domain is empty</source>
        <translation>域为空</translation>
    </message>
    <message>
        <source>&apos;{domain}&apos; is not a full domain name (expected something like contoso.com)</source>
        <translation>“{domain}”不是完整的域名（应类似于 contoso.com）</translation>
    </message>
    <message>
        <source>&apos;{domain}&apos; is not a valid domain name</source>
        <translation>“{domain}”不是有效的域名</translation>
    </message>
    <message>
        <source>Outlook cannot open the mailbox without this endpoint: check DNS, the firewall and the certificate for {host}.</source>
        <translation>没有此终结点，Outlook 无法打开邮箱：请检查 {host} 的 DNS、防火墙和证书。</translation>
    </message>
    <message>
        <source>Sign in to the tenant that holds the mailbox, and set {tenant} to it.</source>
        <translation>请登录邮箱所在的租户，并将{tenant}设为该租户。</translation>
    </message>
    <message>
        <source>the device does not speak TLS 1.2: Microsoft answers 421 4.7.66</source>
        <translation>设备不支持 TLS 1.2：Microsoft 会回复 421 4.7.66</translation>
    </message>
    <message>
        <source>SMTP AUTH with OAuth (smtp.office365.com:587)</source>
        <translation>使用 OAuth 的 SMTP AUTH（smtp.office365.com:587）</translation>
    </message>
    <message>
        <source>SMTP relay through an inbound connector (MX endpoint, port 25)</source>
        <translation>通过入站连接器的 SMTP 中继（MX 终结点，端口 25）</translation>
    </message>
    <message>
        <source>Direct Send (MX endpoint, port 25, no sign-in)</source>
        <translation>直接发送（MX 终结点，端口 25，无需登录）</translation>
    </message>
    <message>
        <source>High Volume Email (smtp-hve.office365.com:587)</source>
        <translation>大容量电子邮件（smtp-hve.office365.com:587）</translation>
    </message>
    <message>
        <source>SMTP AUTH with a password (smtp.office365.com:587)</source>
        <translation>使用密码的 SMTP AUTH（smtp.office365.com:587）</translation>
    </message>
    <message>
        <source>Microsoft Graph sendMail (applications)</source>
        <translation>Microsoft Graph sendMail（应用程序）</translation>
    </message>
    <message>
        <source>Azure Communication Services Email (applications)</source>
        <translation>Azure 通信服务电子邮件（应用程序）</translation>
    </message>
    <message>
        <source>A local relay in front (Postfix or Exchange Server on site)</source>
        <translation>在前面放一个本地中继（本地的 Postfix 或 Exchange Server）</translation>
    </message>
    <message>
        <source>SMTP AUTH with a password has been off by default for existing Exchange Online tenants since {date}: this device sends only where an admin turned it back on; switch it to OAuth or to another method</source>
        <translation>自 {date} 起，现有 Exchange Online 租户默认关闭使用密码的 SMTP AUTH：只有在管理员重新启用的地方此设备才能发送；请将其切换到 OAuth 或其他方式</translation>
    </message>
    <message>
        <source>needs a licensed mailbox with SMTP AUTH allowed; at most {limit} recipients a day</source>
        <translation>需要一个已授权且允许 SMTP AUTH 的邮箱；每天最多 {limit} 个收件人</translation>
    </message>
    <message>
        <source>the device mails only the organisation&apos;s own mailboxes</source>
        <translation>设备只向组织自己的邮箱发信</translation>
    </message>
    <message>
        <source>the device signs in and mails only the organisation&apos;s own mailboxes</source>
        <translation>设备会登录，并且只向组织自己的邮箱发信</translation>
    </message>
    <message>
        <source>an application that signs in with OAuth can send over HTTPS instead</source>
        <translation>使用 OAuth 登录的应用程序可以改为通过 HTTPS 发送</translation>
    </message>
    <message>
        <source>for applications: an Azure resource and a verified domain; not tested</source>
        <translation>适用于应用程序：需要 Azure 资源和已验证的域；未测试</translation>
    </message>
    <message>
        <source>the device talks to a relay on site (plain SMTP or old TLS), and the relay sends on with TLS 1.2 or later</source>
        <translation>设备连接本地中继（明文 SMTP 或旧版 TLS），由中继使用 TLS 1.2 或更高版本继续发送</translation>
    </message>
    <message>
        <source>This device will stop sending on {date} unless it switches to OAuth or to another method: SMTP AUTH with a password is turned off by default for existing Exchange Online tenants that day</source>
        <translation>此设备将于 {date} 停止发送，除非它切换到 OAuth 或其他方式：当天现有 Exchange Online 租户将默认关闭使用密码的 SMTP AUTH</translation>
    </message>
    <message>
        <source>this network&apos;s public IP address</source>
        <translation>此网络的公网 IP 地址</translation>
    </message>
    <message>
        <source>the domain&apos;s SPF must include {ip}, or mail goes to Junk</source>
        <translation>域的 SPF 必须包含 {ip}，否则邮件会进入垃圾邮件</translation>
    </message>
    <message>
        <source>the device signs in with OAuth</source>
        <translation>设备使用 OAuth 登录</translation>
    </message>
    <message>
        <source>the device sends from a fixed public IP address</source>
        <translation>设备从固定的公网 IP 地址发送</translation>
    </message>
    <message>
        <source>the device presents a TLS client certificate</source>
        <translation>设备提供 TLS 客户端证书</translation>
    </message>
    <message>
        <source>an inbound connector from your organisation must match it</source>
        <translation>必须有一个来自你组织的入站连接器与之匹配</translation>
    </message>
    <message>
        <source>its own HVE account; at most {limit} recipients a day</source>
        <translation>使用专用的 HVE 帐户；每天最多 {limit} 个收件人</translation>
    </message>
    <message>
        <source>works only until {date}, when it is turned off by default</source>
        <translation>只能使用到 {date}，届时将默认关闭</translation>
    </message>
    <message>
        <source>off by default since {date}: works only where an admin turned it back on</source>
        <translation>自 {date} 起默认关闭：只有管理员重新启用时才可用</translation>
    </message>
    <message>
        <source>needs a licensed mailbox with SMTP AUTH allowed</source>
        <translation>需要一个已授权且允许 SMTP AUTH 的邮箱</translation>
    </message>
    <message>
        <source>the device signs in with a user name and password</source>
        <translation>设备使用用户名和密码登录</translation>
    </message>
    <message>
        <source>high volume to external recipients is what it is for</source>
        <translation>它正是为向外部收件人大量发送而设计的</translation>
    </message>
    <message>
        <source>use {method}: it fits and the test send worked</source>
        <translation>使用{method}：它适合此设备，且测试发送成功</translation>
    </message>
    <message>
        <source>assumed the device can sign in with a user name and password</source>
        <translation>假定设备可以使用用户名和密码登录</translation>
    </message>
    <message>
        <source>assumed the device cannot sign in with OAuth (few devices can)</source>
        <translation>假定设备不能使用 OAuth 登录（很少有设备可以）</translation>
    </message>
    <message>
        <source>assumed the device speaks TLS 1.2</source>
        <translation>假定设备支持 TLS 1.2</translation>
    </message>
    <message>
        <source>assumed the device also mails people outside the organisation</source>
        <translation>假定设备也向组织外部的人发信</translation>
    </message>
    <message>
        <source>assumed the device has no fixed public IP address</source>
        <translation>假定设备没有固定的公网 IP 地址</translation>
    </message>
    <message>
        <source>assumed the device cannot present a TLS client certificate</source>
        <translation>假定设备不能提供 TLS 客户端证书</translation>
    </message>
    <message>
        <source>assumed fewer than {limit} recipients a day</source>
        <translation>假定每天少于 {limit} 个收件人</translation>
    </message>
    <message>
        <source>the domain&apos;s SPF does not authorise {ip}: mail will go to Junk until it does</source>
        <translation>域的 SPF 未授权 {ip}：在授权之前邮件会进入垃圾邮件</translation>
    </message>
    <message>
        <source>the device cannot sign in with OAuth</source>
        <translation>设备不能使用 OAuth 登录</translation>
    </message>
    <message>
        <source>more than {limit} recipients a day</source>
        <translation>每天超过 {limit} 个收件人</translation>
    </message>
    <message>
        <source>needs a fixed public IP address or a TLS client certificate</source>
        <translation>需要固定的公网 IP 地址或 TLS 客户端证书</translation>
    </message>
    <message>
        <source>Direct Send reaches only the organisation&apos;s own mailboxes</source>
        <translation>直接发送只能送达组织自己的邮箱</translation>
    </message>
    <message>
        <source>Reject Direct Send is on in this tenant (550 5.7.68): an admin must turn it off, or use a connector</source>
        <translation>此租户已启用“拒绝直接发送”（550 5.7.68）：需要管理员将其关闭，或改用连接器</translation>
    </message>
    <message>
        <source>stops working if an admin turns Reject Direct Send on</source>
        <translation>如果管理员启用“拒绝直接发送”，将停止工作</translation>
    </message>
    <message>
        <source>High Volume Email is only in the worldwide cloud</source>
        <translation>大容量电子邮件仅在全球云中提供</translation>
    </message>
    <message>
        <source>High Volume Email needs a sign-in</source>
        <translation>大容量电子邮件需要登录</translation>
    </message>
    <message>
        <source>High Volume Email reaches only the organisation&apos;s own mailboxes</source>
        <translation>大容量电子邮件只能送达组织自己的邮箱</translation>
    </message>
    <message>
        <source>High Volume Email has accepted only OAuth since {date}</source>
        <translation>自 {date} 起，大容量电子邮件只接受 OAuth</translation>
    </message>
    <message>
        <source>a password is accepted there until {date}, then only OAuth</source>
        <translation>在 {date} 之前接受密码，之后只接受 OAuth</translation>
    </message>
    <message>
        <source>the device cannot sign in</source>
        <translation>设备不能登录</translation>
    </message>
    <message>
        <source>needs an application that signs in with OAuth</source>
        <translation>需要使用 OAuth 登录的应用程序</translation>
    </message>
    <message>
        <source>for applications, not devices; not tested by this tool</source>
        <translation>适用于应用程序而非设备；本工具未测试</translation>
    </message>
    <message>
        <source>for applications sending high volume to external recipients</source>
        <translation>适用于向外部收件人大量发送的应用程序</translation>
    </message>
    <message>
        <source>only needed for devices without TLS 1.2</source>
        <translation>仅用于不支持 TLS 1.2 的设备</translation>
    </message>
    <message>
        <source>a server to run and secure; not tested by this tool</source>
        <translation>需要运行并保护一台服务器；本工具未测试</translation>
    </message>
    <message>
        <source>these sending methods are Exchange Online&apos;s; the mailbox is on Exchange Server</source>
        <translation>这些发送方式属于 Exchange Online；此邮箱位于 Exchange Server</translation>
    </message>
    <message>
        <source>no sending method fits this device as described</source>
        <translation>按所描述的情况，没有适合此设备的发送方式</translation>
    </message>
    <message>
        <source>switch to {method}: it fits and the test send worked</source>
        <translation>切换到{method}：它适合此设备，且测试发送成功</translation>
    </message>
    <message>
        <source>port 25 to the MX endpoint is blocked from this network</source>
        <translation>此网络到 MX 终结点的端口 25 被阻止</translation>
    </message>
    <message>
        <source>port 25 to the MX endpoint was not tested from here</source>
        <translation>未从此处测试到 MX 终结点的端口 25</translation>
    </message>
    <message>
        <source>{method} works, but only until {date}</source>
        <translation>{method}可用，但只能用到 {date}</translation>
    </message>
    <message>
        <source>{method} fits, but the test send was refused: see its check</source>
        <translation>{method}适合，但测试发送被拒绝：请查看对应的检查</translation>
    </message>
    <message>
        <source>{method} fits; not tested from here</source>
        <translation>{method}适合；未从此处测试</translation>
    </message>
    <message>
        <source>unexpected SPF result {result}</source>
        <translation>意外的 SPF 结果 {result}</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>未测试</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{method}: fits ({reason}); test send: {works}; caveats: {caveats}</source>
        <translation>{method}：适合（{reason}）；测试发送：{works}；注意事项：{caveats}</translation>
    </message>
    <message>
        <source>Not answered, so: {assumed}</source>
        <translation>未回答的问题，因此：{assumed}</translation>
    </message>
    <message>
        <source>{method}: does not fit ({reason})</source>
        <translation>{method}：不适合（{reason}）</translation>
    </message>
    <message>
        <source>Put a local relay in front of the device (Postfix or Exchange Server on site), or replace it with one that speaks TLS 1.2 and OAuth.</source>
        <translation>在设备前面放一个本地中继（本地的 Postfix 或 Exchange Server），或换成支持 TLS 1.2 和 OAuth 的设备。</translation>
    </message>
    <message>
        <source>Set the device up for {method}.</source>
        <translation>将设备配置为使用{method}。</translation>
    </message>
    <message>
        <source>Sending methods for this device</source>
        <translation>此设备的发送方式</translation>
    </message>
    <message>
        <source>Use the Application (client) ID from the app&apos;s Overview page, and set {tenant} to the one the app is registered in. A multi-tenant app must first be consented to by an admin of the tenant you sign in to.</source>
        <translation>请使用应用“概述”页上的“应用程序(客户端) ID”，并将{tenant}设为注册该应用的租户。多租户应用必须先由你所登录租户的管理员授予同意。</translation>
    </message>
    <message>
        <source>Sign in with an account of the tenant that holds the mailbox, or set {tenant} to the one the account belongs to.</source>
        <translation>请使用邮箱所在租户的帐户登录，或将{tenant}设为该帐户所属的租户。</translation>
    </message>
    <message>
        <source>Check {tenant} (a tenant ID or a verified domain such as contoso.com) and {cloud}: a GCC High, DoD or 21Vianet tenant is only known to its own cloud&apos;s sign-in service.</source>
        <translation>请检查{tenant}（租户 ID 或已验证的域，例如 contoso.com）和{cloud}：GCC High、DoD 或世纪互联租户只有其所在云的登录服务才认识。</translation>
    </message>
    <message>
        <source>Set {cloud} to the tenant&apos;s own (GCC High, DoD or 21Vianet) so the sign-in goes to its own service.</source>
        <translation>请将{cloud}设为该租户所在的云（GCC High、DoD 或世纪互联），使登录发往其自己的服务。</translation>
    </message>
    <message>
        <source>Give {tenant}: its ID or a verified domain.</source>
        <translation>请提供{tenant}：租户 ID 或已验证的域。</translation>
    </message>
    <message>
        <source>Check that the tenant has Exchange Online, and that {cloud} matches the tenant: each national cloud has its own Exchange resource.</source>
        <translation>请确认该租户拥有 Exchange Online，并且{cloud}与租户相符：每个国家云都有自己的 Exchange 资源。</translation>
    </message>
    <message>
        <source>{setting} {path}: the file holds no certificate</source>
        <translation>{setting} {path}：文件中没有证书</translation>
    </message>
    <message>
        <source>{setting} {path}: the file holds no RSA or EC private key</source>
        <translation>{setting} {path}：文件中没有 RSA 或 EC 私钥</translation>
    </message>
    <message>
        <source>{setting} {path}: the private key does not belong to the certificate</source>
        <translation>{setting} {path}：私钥与证书不匹配</translation>
    </message>
    <message>
        <source>{setting} {path}: the file is too large for a certificate</source>
        <translation>{setting} {path}：文件太大，不像是证书</translation>
    </message>
    <message>
        <source>{setting} {path}: {error}</source>
        <translation>{setting} {path}：{error}</translation>
    </message>
    <message>
        <source>{setting} {path}: not a readable PFX file, or {password} is wrong</source>
        <translation>{setting} {path}：不是可读取的 PFX 文件，或{password}不正确</translation>
    </message>
    <message>
        <source>{setting} {path}: no PEM certificate in the file</source>
        <translation>{setting} {path}：文件中没有 PEM 证书</translation>
    </message>
    <message>
        <source>{setting} {path}: the private key is encrypted; give its password</source>
        <translation>{setting} {path}：私钥已加密；请提供其密码</translation>
    </message>
    <message>
        <source>{setting} {path}: no readable private key in the file (or a wrong password)</source>
        <translation>{setting} {path}：文件中没有可读取的私钥（或密码错误）</translation>
    </message>
    <message>
        <source>&apos;{client_id}&apos; is not an Application (client) ID: {setting} is the GUID on your app registration&apos;s Overview page, like 11111111-2222-3333-4444-555555555555</source>
        <translation>“{client_id}”不是应用程序(客户端) ID：{setting}是应用注册“概述”页上的 GUID，形如 11111111-2222-3333-4444-555555555555</translation>
    </message>
    <message>
        <source>app-only sign-in needs a tenant: give {tenant} (its ID or a domain)</source>
        <translation>仅应用登录需要租户：请提供{tenant}（租户 ID 或域）</translation>
    </message>
    <message>
        <source>app-only sign-in needs either {secret} or {certificate}, not both</source>
        <translation>仅应用登录需要{secret}或{certificate}二者之一，不能同时提供</translation>
    </message>
    <message>
        <source>{flow} signs in as a user; a client secret or certificate is only for app-only sign-in: choose it as {sign_in}</source>
        <translation>{flow} 以用户身份登录；客户端密码或证书仅用于仅应用登录：请在{sign_in}中选择它</translation>
    </message>
    <message>
        <source>&apos;{tenant}&apos; is not a tenant: give {setting} as a tenant ID (GUID) or a verified domain</source>
        <translation>“{tenant}”不是租户：请以租户 ID（GUID）或已验证的域提供{setting}</translation>
    </message>
    <message>
        <source>Choose OAuth as {sign_in}: device code, browser or app-only.</source>
        <translation>请在{sign_in}中选择 OAuth：设备代码、浏览器或仅应用。</translation>
    </message>
    <message>
        <source>OAuth needs a mailbox: give {email} (or {mailbox} for app-only)</source>
        <translation>OAuth 需要邮箱：请提供{email}（仅应用登录则提供{mailbox}）</translation>
    </message>
    <message>
        <source>the sign-in service refused the request (HTTP 400)</source>
        <translation>登录服务拒绝了该请求（HTTP 400）</translation>
    </message>
    <message>
        <source>the sign-in service knows no tenant with this domain</source>
        <translation>登录服务不知道有使用此域的租户</translation>
    </message>
    <message>
        <source>the answer is larger than {kib} KiB: not an OpenID configuration</source>
        <translation>应答大于 {kib} KiB：不是 OpenID 配置</translation>
    </message>
    <message>
        <source>no OpenID configuration (HTTP {status})</source>
        <translation>没有 OpenID 配置（HTTP {status}）</translation>
    </message>
    <message>
        <source>the OpenID configuration is not a JSON object</source>
        <translation>OpenID 配置不是 JSON 对象</translation>
    </message>
    <message>
        <source>the OpenID configuration names no issuer</source>
        <translation>OpenID 配置未指明颁发者（issuer）</translation>
    </message>
    <message>
        <source>the issuer {issuer} names no tenant ID</source>
        <translation>颁发者 {issuer} 未包含租户 ID</translation>
    </message>
    <message>
        <source>the OpenID configuration is not JSON</source>
        <translation>OpenID 配置不是 JSON</translation>
    </message>
    <message>
        <source>Sign in to the mailbox&apos;s own cloud: set {cloud} to it (worldwide, GCC High, DoD or 21Vianet) so the sign-in service and the resource match the tenant.</source>
        <translation>请登录邮箱自己的云：将{cloud}设为该云（全球、GCC High、DoD 或世纪互联），使登录服务和资源与租户相符。</translation>
    </message>
    <message>
        <source>Sign in to the mailbox&apos;s tenant: set {tenant} to {mailbox_tenant} (or its domain), with an account of that tenant.</source>
        <translation>请登录邮箱所在的租户：将{tenant}设为 {mailbox_tenant}（或其域），并使用该租户的帐户。</translation>
    </message>
    <message>
        <source>no tenant in the OpenID configuration for {domain}: {reason}</source>
        <translation>{domain} 的 OpenID 配置中没有租户：{reason}</translation>
    </message>
    <message>
        <source>Set {cloud} to the tenant&apos;s cloud (GCC High or DoD for microsoftonline.us, 21Vianet for partner.microsoftonline.cn).</source>
        <translation>请将{cloud}设为租户所在的云（microsoftonline.us 对应 GCC High 或 DoD，partner.microsoftonline.cn 对应世纪互联）。</translation>
    </message>
    <message>
        <source>Copy the whole access token again, as one line with nothing before or after it (no &apos;Bearer &apos;, quotes or line breaks), or let this tool sign in itself: choose OAuth as {sign_in} (device code, browser or app-only).</source>
        <translation>请重新复制完整的访问令牌，作为一行且前后不带任何内容（不要 &apos;Bearer &apos;、引号或换行），或让本工具自行登录：在{sign_in}中选择 OAuth（设备代码、浏览器或仅应用）。</translation>
    </message>
    <message>
        <source>The endpoints come from autodiscover ({source}).</source>
        <translation>终结点来自自动发现（{source}）。</translation>
    </message>
    <message>
        <source>No endpoints were found: autodiscover supplied no settings, and an on-premises Exchange has no default endpoints to fall back on.</source>
        <translation>未找到终结点：自动发现未提供设置，而本地 Exchange 没有可退而使用的默认终结点。</translation>
    </message>
    <message>
        <source>autodiscover needs a mailbox address: give {email}</source>
        <translation>自动发现需要邮箱地址：请提供{email}</translation>
    </message>
    <message>
        <source>Publish autodiscover: an A record (or a CNAME) autodiscover.{domain} for your Exchange server or its load balancer, with a valid certificate for that name.</source>
        <translation>发布自动发现：为你的 Exchange 服务器或其负载均衡器创建 A 记录（或 CNAME）autodiscover.{domain}，并为该名称配置有效证书。</translation>
    </message>
    <message>
        <source>If {host} really serves your mailboxes, add it to {trusted}; otherwise find out who publishes that redirect.</source>
        <translation>如果 {host} 确实为你的邮箱提供服务，请将它加入{trusted}；否则请查明是谁发布了该重定向。</translation>
    </message>
    <message>
        <source>Fix the certificate on {host}: {problems}. Outlook shows a certificate warning or fails here.</source>
        <translation>修复 {host} 上的证书：{problems}。Outlook 在此会显示证书警告或失败。</translation>
    </message>
    <message>
        <source>{host} has no address: it is a chain of {count} CNAMEs ({chain}) that ends without one</source>
        <translation>{host} 没有地址：它是一条由 {count} 个 CNAME 组成的链（{chain}），末端没有地址</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network and DNS settings, or give a reachable one as {nameserver}. A firewall that blocks UDP and TCP port 53 to the DNS server gives the same result.</source>
        <translation>请检查此计算机的网络和 DNS 设置，或在{nameserver}中指定一个可访问的 DNS 服务器。阻止到 DNS 服务器的 UDP 和 TCP 端口 53 的防火墙也会导致同样的结果。</translation>
    </message>
    <message>
        <source>Check the DS record at the registrar matches the zone&apos;s keys, and test with a validating resolver as {nameserver}.</source>
        <translation>检查注册商处的 DS 记录是否与区域的密钥匹配，并在{nameserver}中使用执行验证的解析器进行测试。</translation>
    </message>
    <message>
        <source>skipped: needs {email}</source>
        <translation>已跳过：需要{email}</translation>
    </message>
    <message>
        <source>If {host} is your organisation&apos;s Exchange server, add it to {trusted}; otherwise fix the EWS URL autodiscover hands out.</source>
        <translation>如果 {host} 是你组织的 Exchange 服务器，请将它加入{trusted}；否则请修正自动发现给出的 EWS URL。</translation>
    </message>
    <message>
        <source>Skype for Business Server 2015 and 2019 are out of support since {date}; {supported} is the supported version (Skype for Business Online was retired on {retired}).</source>
        <translation>Skype for Business Server 2015 和 2019 自 {date} 起已不再受支持；受支持的版本是 {supported}（Skype for Business Online 已于 {retired} 停用）。</translation>
    </message>
    <message>
        <source>the certificate of {url} was refused</source>
        <translation>{url} 的证书被拒绝</translation>
    </message>
    <message>
        <source>Read by SharePoint Server (New-SPTrustedSecurityTokenIssuer -MetadataEndPoint), Skype for Business Server (New-CsPartnerApplication -MetadataUrl) and, in a hybrid deployment, Exchange Online: each validates Exchange&apos;s tokens with its signing certificate.</source>
        <translation>由 SharePoint Server（New-SPTrustedSecurityTokenIssuer -MetadataEndPoint）、Skype for Business Server（New-CsPartnerApplication -MetadataUrl）以及混合部署中的 Exchange Online 读取：它们都用其中的签名证书验证 Exchange 的令牌。</translation>
    </message>
    <message>
        <source>Needed by SharePoint Server and Skype for Business Server next to Exchange Server (and Exchange hybrid): ignore it if you run neither.</source>
        <translation>与 Exchange Server 搭配的 SharePoint Server 和 Skype for Business Server（以及 Exchange 混合部署）需要它：如果两者都未运行，可忽略。</translation>
    </message>
    <message>
        <source>Publish {url} from Exchange (the autodiscover virtual directory serves it; a reverse proxy must pass /autodiscover/metadata/ through), with a certificate trusted publicly for its name; check Get-AuthConfig names a current certificate.</source>
        <translation>从 Exchange 发布 {url}（由自动发现虚拟目录提供；反向代理必须转发 /autodiscover/metadata/），并使用与其名称匹配的公共受信任证书；检查 Get-AuthConfig 指定的是当前证书。</translation>
    </message>
    <message>
        <source>the auth metadata document is not reachable over validated TLS: {error}</source>
        <translation>无法通过经验证的 TLS 访问身份验证元数据文档：{error}</translation>
    </message>
    <message>
        <source>no auth metadata document at {url} (HTTP {status})</source>
        <translation>{url} 处没有身份验证元数据文档（HTTP {status}）</translation>
    </message>
    <message>
        <source>{url} is not Exchange&apos;s auth metadata: {reason}</source>
        <translation>{url} 不是 Exchange 的身份验证元数据：{reason}</translation>
    </message>
    <message>
        <source>Auth metadata</source>
        <translation>身份验证元数据</translation>
    </message>
    <message>
        <source>Asked: {url}</source>
        <translation>询问了：{url}</translation>
    </message>
    <message>
        <source>{summary} (Microsoft&apos;s own Exchange Online endpoint: nothing to change there)</source>
        <translation>{summary}（这是 Microsoft 自己的 Exchange Online 终结点：那里无需更改）</translation>
    </message>
    <message>
        <source>Realm: {realm}; issuer: {issuer}</source>
        <translation>领域：{realm}；颁发者：{issuer}</translation>
    </message>
    <message>
        <source>Bearer challenges</source>
        <translation>Bearer 质询</translation>
    </message>
    <message>
        <source>Compared with tenant {tenant} (integration.tenant).</source>
        <translation>已与租户 {tenant} 比较（integration.tenant）。</translation>
    </message>
    <message>
        <source>{url} answered HTTP {status}, not 401: there is no challenge to read</source>
        <translation>{url} 应答 HTTP {status}，而不是 401：没有可读取的质询</translation>
    </message>
    <message>
        <source>No tenant ID to compare with: integration.tenant did not run or could not look the domain up.</source>
        <translation>没有可比较的租户 ID：integration.tenant 未运行或无法查询该域。</translation>
    </message>
    <message>
        <source>No tenant ID to compare with: {domain} is no Microsoft 365 tenant&apos;s domain (integration.tenant).</source>
        <translation>没有可比较的租户 ID：{domain} 不属于任何 Microsoft 365 租户（integration.tenant）。</translation>
    </message>
    <message>
        <source>no answer from {url}, so its challenge could not be read: {error}</source>
        <translation>{url} 没有应答，因此无法读取其质询：{error}</translation>
    </message>
    <message>
        <source>{url} answers 404: {product} is not published there, so there is no challenge to read</source>
        <translation>{url} 应答 404：{product} 未在此发布，因此没有可读取的质询</translation>
    </message>
    <message>
        <source>{url} answered HTTP {status} without asking anyone to sign in: there is no challenge to read</source>
        <translation>{url} 应答 HTTP {status}，没有要求登录：没有可读取的质询</translation>
    </message>
    <message>
        <source>Let anonymous requests to {product} reach the server and get its own 401 answer (a proxy that redirects to a sign-in page hides it).</source>
        <translation>让对 {product} 的匿名请求到达服务器并得到它自己的 401 应答（重定向到登录页的代理会把它隐藏）。</translation>
    </message>
    <message>
        <source>{summary} (Microsoft&apos;s own Exchange Online endpoint: nothing to change there; this check serves Exchange Server)</source>
        <translation>{summary}（这是 Microsoft 自己的 Exchange Online 终结点：那里无需更改；本检查针对 Exchange Server）</translation>
    </message>
    <message>
        <source>Publish {product} over HTTPS with a certificate for its name, reachable from the internet (TCP 443), and check again.</source>
        <translation>通过 HTTPS 发布 {product}，使用与其名称匹配的证书，并可从 Internet 访问（TCP 443），然后重新检查。</translation>
    </message>
    <message>
        <source>Publish {product} externally (the reverse proxy or firewall rule must pass this path to the server).</source>
        <translation>对外发布 {product}（反向代理或防火墙规则必须把此路径转发到服务器）。</translation>
    </message>
    <message>
        <source>The tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>EWS URL from {step}: {url}</source>
        <translation>EWS URL 来自 {step}：{url}</translation>
    </message>
    <message>
        <source>EWS URL by convention (autodiscover did not run or found none): {url}</source>
        <translation>按惯例推定的 EWS URL（自动发现未运行或未找到）：{url}</translation>
    </message>
    <message>
        <source>EWS URL from cloud defaults: {url}</source>
        <translation>EWS URL 来自云默认值：{url}</translation>
    </message>
    <message>
        <source>skipped: only {products} need this, and it was not chosen</source>
        <translation>已跳过：只有 {products} 需要此项，而它未被选中</translation>
    </message>
    <message>
        <source>The tenant behind the domain (OpenID metadata)</source>
        <translation>域名背后的租户（OpenID 元数据）</translation>
    </message>
    <message>
        <source>OAuth trust: Bearer challenges of Exchange and SharePoint</source>
        <translation>OAuth 信任：Exchange 和 SharePoint 的 Bearer 质询</translation>
    </message>
    <message>
        <source>Exchange&apos;s auth metadata document and signing certificate</source>
        <translation>Exchange 的身份验证元数据文档和签名证书</translation>
    </message>
    <message>
        <source>SharePoint site: valid TLS and the tenant in its Bearer challenge</source>
        <translation>SharePoint 网站：有效的 TLS 及其 Bearer 质询中的租户</translation>
    </message>
    <message>
        <source>SharePoint Server to Exchange: the auth metadata it trusts</source>
        <translation>SharePoint Server 到 Exchange：它信任的身份验证元数据</translation>
    </message>
    <message>
        <source>Site mailboxes</source>
        <translation>网站邮箱</translation>
    </message>
    <message>
        <source>Skype for Business: the autodiscover service for OAuth</source>
        <translation>Skype for Business：用于 OAuth 的自动发现服务</translation>
    </message>
    <message>
        <source>Skype for Business: EWS for out-of-office and calendar data</source>
        <translation>Skype for Business：用于外出和日历数据的 EWS</translation>
    </message>
    <message>
        <source>Skype for Business: SIP and lyncdiscover DNS records</source>
        <translation>Skype for Business：SIP 和 lyncdiscover DNS 记录</translation>
    </message>
    <message>
        <source>Skype for Business: lyncdiscover over HTTPS</source>
        <translation>Skype for Business：通过 HTTPS 访问 lyncdiscover</translation>
    </message>
    <message>
        <source>Teams with Exchange Server mailboxes</source>
        <translation>使用 Exchange Server 邮箱的 Teams</translation>
    </message>
    <message>
        <source>Needed by Lync / Skype for Business Server: it finds Exchange (EWS, the OAuth metadata) through this service for presence, out-of-office, calendar and conversation history. Ignore it if you do not run Skype for Business Server.</source>
        <translation>Lync / Skype for Business Server 需要此项：它通过此服务找到 Exchange（EWS、OAuth 元数据），用于状态、外出、日历和对话历史记录。如果你没有运行 Skype for Business Server，可以忽略。</translation>
    </message>
    <message>
        <source>Needed by Lync / Skype for Business Server: it reads out-of-office and calendar (free/busy) data from Exchange over EWS with server-to-server OAuth. Ignore it if you do not run Skype for Business Server.</source>
        <translation>Lync / Skype for Business Server 需要此项：它通过 EWS 以服务器到服务器 OAuth 从 Exchange 读取外出和日历（忙/闲）数据。如果你没有运行 Skype for Business Server，可以忽略。</translation>
    </message>
    <message>
        <source>Needed by Lync / Skype for Business Server: clients sign in and partners federate through these records. Ignore it if you do not run Skype for Business Server.</source>
        <translation>Lync / Skype for Business Server 需要此项：客户端通过这些记录登录，合作伙伴通过它们联盟。如果你没有运行 Skype for Business Server，可以忽略。</translation>
    </message>
    <message>
        <source>Needed by Lync / Skype for Business Server: mobile clients and Teams interop discover the pool through lyncdiscover over HTTPS. Ignore it if you do not run Skype for Business Server.</source>
        <translation>Lync / Skype for Business Server 需要此项：移动客户端和 Teams 互操作通过 HTTPS 上的 lyncdiscover 发现池。如果你没有运行 Skype for Business Server，可以忽略。</translation>
    </message>
    <message>
        <source>{operation}: {summary}</source>
        <translation>{operation}：{summary}</translation>
    </message>
    <message>
        <source>out-of-office and free/busy read for the mailbox (signed in)</source>
        <translation>已为该邮箱读取外出和忙/闲信息（已登录）</translation>
    </message>
    <message>
        <source>Whether out-of-office and free/busy can be read needs a sign-in: run the ews checks with credentials (ews.mailbox) to see it.</source>
        <translation>能否读取外出和忙/闲信息需要登录才能判断：请使用凭据运行 ews 检查（ews.mailbox）查看。</translation>
    </message>
    <message>
        <source>{label} {rdtype}</source>
        <translation>{label} {rdtype}</translation>
    </message>
    <message>
        <source>lyncdiscover at {host}</source>
        <translation>{host} 上的 lyncdiscover</translation>
    </message>
    <message>
        <source>{operation} failed: {summary}</source>
        <translation>{operation} 失败：{summary}</translation>
    </message>
    <message>
        <source>Microsoft (Teams / former Skype for Business Online)</source>
        <translation>Microsoft（Teams / 原 Skype for Business Online）</translation>
    </message>
    <message>
        <source>your own servers</source>
        <translation>你自己的服务器</translation>
    </message>
    <message>
        <source>{target}:{port}</source>
        <translation>{target}:{port}</translation>
    </message>
    <message>
        <source>{name} → {target} ({where})</source>
        <translation>{name} → {target}（{where}）</translation>
    </message>
    <message>
        <source>the records point to your own servers: {names}</source>
        <translation>这些记录指向你自己的服务器：{names}</translation>
    </message>
    <message>
        <source>Right for users homed on an on-premises Skype for Business Server pool.</source>
        <translation>对于驻留在本地 Skype for Business Server 池上的用户，这是正确的。</translation>
    </message>
    <message>
        <source>Install a certificate on the reverse proxy whose names include {host} (and the pool&apos;s external web services name), from a public certification authority with the full chain.</source>
        <translation>在反向代理上安装一张名称包含 {host}（以及池的外部 Web 服务名称）的证书，由公共证书颁发机构签发，并带完整证书链。</translation>
    </message>
    <message>
        <source>{host} answers HTTP {status} but not the lyncdiscover JSON (no _links.user)</source>
        <translation>{host} 返回 HTTP {status}，但不是 lyncdiscover JSON（没有 _links.user）</translation>
    </message>
    <message>
        <source>Mobile clients read the user link from this answer to sign in.</source>
        <translation>移动客户端从此应答中读取 user 链接来登录。</translation>
    </message>
    <message>
        <source>{name}: not published</source>
        <translation>{name}：未发布</translation>
    </message>
    <message>
        <source>{name} → {target}:{port} ({where}); expected port {expected}</source>
        <translation>{name} → {target}:{port}（{where}）；预期端口为 {expected}</translation>
    </message>
    <message>
        <source>split records: {microsoft} point to Microsoft, {own} to your own servers</source>
        <translation>记录分裂：{microsoft} 指向 Microsoft，{own} 指向你自己的服务器</translation>
    </message>
    <message>
        <source>Clients and federated partners follow whichever record they read first: a split sends some to a pool that does not host the user.</source>
        <translation>客户端和联盟合作伙伴会按先读到的记录行事：分裂的记录会把一部分请求发往并不承载该用户的池。</translation>
    </message>
    <message>
        <source>the records point to Microsoft: {names}</source>
        <translation>这些记录指向 Microsoft：{names}</translation>
    </message>
    <message>
        <source>Right for a Teams-only organisation; an on-premises Skype for Business pool needs them at its own Edge server and reverse proxy.</source>
        <translation>对仅使用 Teams 的组织是正确的；本地 Skype for Business 池需要它们指向自己的边缘服务器和反向代理。</translation>
    </message>
    <message>
        <source>no Skype for Business records published ({names})</source>
        <translation>未发布 Skype for Business 记录（{names}）</translation>
    </message>
    <message>
        <source>Without them, clients outside the network cannot sign in automatically and federation with other organisations (and Teams interop) fails. Teams-only organisations do not need them.</source>
        <translation>没有这些记录，网络外的客户端无法自动登录，与其他组织的联盟（以及 Teams 互操作）也会失败。仅使用 Teams 的组织不需要它们。</translation>
    </message>
    <message>
        <source>point to your own servers, but {names} missing</source>
        <translation>指向你自己的服务器，但缺少 {names}</translation>
    </message>
    <message>
        <source>An on-premises pool needs every public record at its Edge and reverse proxy.</source>
        <translation>本地池需要每条公共记录都指向其边缘服务器和反向代理。</translation>
    </message>
    <message>
        <source>Mobile clients and Teams interop cannot discover the pool.</source>
        <translation>移动客户端和 Teams 互操作无法发现该池。</translation>
    </message>
    <message>
        <source>{host} answers over valid TLS with its links: {links}</source>
        <translation>{host} 通过有效的 TLS 应答，并给出链接：{links}</translation>
    </message>
    <message>
        <source>Check the reverse proxy rule for {host}: it must forward to the pool&apos;s external web services (port 4443) and return the autodiscover JSON.</source>
        <translation>检查 {host} 的反向代理规则：它必须转发到池的外部 Web 服务（端口 4443）并返回自动发现 JSON。</translation>
    </message>
    <message>
        <source>{name}: not in public DNS (expected: internal DNS only)</source>
        <translation>{name}：不在公共 DNS 中（符合预期：仅在内部 DNS 中）</translation>
    </message>
    <message>
        <source>Point every record at the same place: your Edge and reverse proxy while users are homed on the on-premises pool, Microsoft&apos;s once all of them are Teams Only.</source>
        <translation>让所有记录指向同一处：用户驻留在本地池期间指向你的边缘服务器和反向代理，所有用户都变为“仅 Teams”后指向 Microsoft。</translation>
    </message>
    <message>
        <source>Publish lyncdiscover.&lt;domain&gt; (reverse proxy), _sip._tls.&lt;domain&gt; (Edge, port 443) and _sipfederationtls._tcp.&lt;domain&gt; (Edge, port 5061).</source>
        <translation>发布 lyncdiscover.&lt;domain&gt;（反向代理）、_sip._tls.&lt;domain&gt;（边缘服务器，端口 443）和 _sipfederationtls._tcp.&lt;domain&gt;（边缘服务器，端口 5061）。</translation>
    </message>
    <message>
        <source>Publish the missing records: {names}</source>
        <translation>发布缺少的记录：{names}</translation>
    </message>
    <message>
        <source>Publish {host} through the reverse proxy (TCP 443) to the pool&apos;s external web services.</source>
        <translation>通过反向代理（TCP 443）将 {host} 发布到池的外部 Web 服务。</translation>
    </message>
    <message>
        <source>If users are homed on your Skype for Business Server pool, point the records to your Edge server (SIP) and reverse proxy (lyncdiscover).</source>
        <translation>如果用户驻留在你的 Skype for Business Server 池上，请让这些记录指向你的边缘服务器（SIP）和反向代理（lyncdiscover）。</translation>
    </message>
    <message>
        <source>{name}: {href}</source>
        <translation>{name}：{href}</translation>
    </message>
    <message>
        <source>Mobile clients and Teams interop find the pool through this name and refuse a certificate that does not name it.</source>
        <translation>移动客户端和 Teams 互操作通过此名称找到池，并会拒绝不包含此名称的证书。</translation>
    </message>
    <message>
        <source>- {problem}</source>
        <translation>- {problem}</translation>
    </message>
    <message>
        <source>In the Skype for Business Server Management Shell: Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl {url}</source>
        <translation>在 Skype for Business Server 命令行管理程序中运行：Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl {url}</translation>
    </message>
    <message>
        <source>no answer from {url}: {error}</source>
        <translation>{url} 没有应答：{error}</translation>
    </message>
    <message>
        <source>Publish /autodiscover/autodiscover.svc on autodiscover.&lt;domain&gt; (reverse proxy and firewall) with a valid certificate, then name it for Skype for Business Server. {command}</source>
        <translation>在 autodiscover.&lt;domain&gt; 上（反向代理和防火墙）以有效证书发布 /autodiscover/autodiscover.svc，然后把它告诉 Skype for Business Server。{command}</translation>
    </message>
    <message>
        <source>Let Skype for Business Server reach {url} (proxy and firewall), and name it: {command}</source>
        <translation>让 Skype for Business Server 能访问 {url}（代理和防火墙），并指定它：{command}</translation>
    </message>
    <message>
        <source>Turn on OAuth for EWS (Set-WebServicesVirtualDirectory -OAuthAuthentication $true) and configure server-to-server OAuth between Skype for Business Server and Exchange (hybrid modern authentication: the Hybrid Configuration Wizard).</source>
        <translation>为 EWS 启用 OAuth（Set-WebServicesVirtualDirectory -OAuthAuthentication $true），并在 Skype for Business Server 与 Exchange 之间配置服务器到服务器 OAuth（混合新式身份验证：混合配置向导）。</translation>
    </message>
    <message>
        <source>{url} answers and takes OAuth (Bearer)</source>
        <translation>{url} 有应答并接受 OAuth（Bearer）</translation>
    </message>
    <message>
        <source>Get-CsOAuthConfiguration should show ExchangeAutodiscoverUrl {url}; Skype for Business Server finds Exchange&apos;s EWS and its OAuth metadata there.</source>
        <translation>Get-CsOAuthConfiguration 应显示 ExchangeAutodiscoverUrl {url}；Skype for Business Server 在那里找到 Exchange 的 EWS 及其 OAuth 元数据。</translation>
    </message>
    <message>
        <source>{url} answers (HTTP {status})</source>
        <translation>{url} 有应答（HTTP {status}）</translation>
    </message>
    <message>
        <source>Get-CsOAuthConfiguration should show ExchangeAutodiscoverUrl {url}.</source>
        <translation>Get-CsOAuthConfiguration 应显示 ExchangeAutodiscoverUrl {url}。</translation>
    </message>
    <message>
        <source>Turn on OAuth for autodiscover (Set-AutodiscoverVirtualDirectory -OAuthAuthentication $true) and configure hybrid modern authentication (Hybrid Configuration Wizard), so that partners can sign in with OAuth.</source>
        <translation>为自动发现启用 OAuth（Set-AutodiscoverVirtualDirectory -OAuthAuthentication $true）并配置混合新式身份验证（混合配置向导），以便合作伙伴能用 OAuth 登录。</translation>
    </message>
    <message>
        <source>Exchange Online always offers OAuth here: something between this computer and Microsoft (a proxy) rewrote the answer.</source>
        <translation>Exchange Online 在这里总会提供 OAuth：这台计算机与 Microsoft 之间的某个设备（代理）改写了应答。</translation>
    </message>
    <message>
        <source>{url} answers but offers no OAuth (Bearer); it offers: {schemes}</source>
        <translation>{url} 有应答但不提供 OAuth（Bearer）；它提供：{schemes}</translation>
    </message>
    <message>
        <source>Skype for Business Server signs in to Exchange server to server with OAuth.</source>
        <translation>Skype for Business Server 以服务器到服务器 OAuth 登录 Exchange。</translation>
    </message>
    <message>
        <source>{url} redirects to {target} (HTTP {status})</source>
        <translation>{url} 重定向到 {target}（HTTP {status}）</translation>
    </message>
    <message>
        <source>Server-to-server OAuth does not follow redirects: name the final URL.</source>
        <translation>服务器到服务器 OAuth 不跟随重定向：请指定最终 URL。</translation>
    </message>
    <message>
        <source>{url} answers 404: the autodiscover service is not published there</source>
        <translation>{url} 返回 404：自动发现服务未在此发布</translation>
    </message>
    <message>
        <source>{url} answers HTTP {status}</source>
        <translation>{url} 返回 HTTP {status}</translation>
    </message>
    <message>
        <source>Certificate problems: {problems}</source>
        <translation>证书问题：{problems}</translation>
    </message>
    <message>
        <source>EWS answers and takes OAuth (Bearer): {schemes}</source>
        <translation>EWS 有应答并接受 OAuth（Bearer）：{schemes}</translation>
    </message>
    <message>
        <source>Publish /EWS/ externally (reverse proxy, firewall) with a valid certificate, with OAuth turned on for it.</source>
        <translation>以有效证书对外发布 /EWS/（反向代理、防火墙），并为其启用 OAuth。</translation>
    </message>
    <message>
        <source>Let Skype for Business Server reach {url} (proxy and firewall).</source>
        <translation>让 Skype for Business Server 能访问 {url}（代理和防火墙）。</translation>
    </message>
    <message>
        <source>EWS answers but offers no OAuth (Bearer); it offers: {schemes}</source>
        <translation>EWS 有应答但不提供 OAuth（Bearer）；它提供：{schemes}</translation>
    </message>
    <message>
        <source>Skype for Business Server reads out-of-office and calendar data with server-to-server OAuth; without a Bearer challenge it cannot.</source>
        <translation>Skype for Business Server 通过服务器到服务器 OAuth 读取外出和日历数据；没有 Bearer 质询就无法读取。</translation>
    </message>
    <message>
        <source>EWS answered an anonymous request (HTTP {status})</source>
        <translation>EWS 应答了匿名请求（HTTP {status}）</translation>
    </message>
    <message>
        <source>{url} answers 404: EWS is not published</source>
        <translation>{url} 返回 404：EWS 未发布</translation>
    </message>
    <message>
        <source>{url} redirects (HTTP {status}); EWS clients do not follow redirects</source>
        <translation>{url} 重定向（HTTP {status}）；EWS 客户端不跟随重定向</translation>
    </message>
    <message>
        <source>(no Location header)</source>
        <translation>（没有 Location 标头）</translation>
    </message>
    <message>
        <source>Needed by Teams (calendar and free/busy of on-premises mailboxes), Skype for Business (out-of-office, presence in Outlook on the web, conversation history) and SharePoint (Exchange tasks, site mailboxes): each signs in to Exchange with an Entra ID token, which Exchange accepts only when its Bearer challenge trusts this tenant.</source>
        <translation>Teams（本地邮箱的日历和忙闲信息）、Skype for Business（外出、Outlook 网页版中的状态、对话历史）和 SharePoint（Exchange 任务、网站邮箱）都需要它：它们都使用 Entra ID 令牌登录 Exchange，而只有当 Exchange 的 Bearer 质询信任此租户时，Exchange 才会接受。</translation>
    </message>
    <message>
        <source>EWS&apos;s Bearer challenge</source>
        <translation>EWS 的 Bearer 质询</translation>
    </message>
    <message>
        <source>Autodiscover&apos;s Bearer challenge</source>
        <translation>自动发现的 Bearer 质询</translation>
    </message>
    <message>
        <source>the Bearer challenges trust this tenant ({count} endpoints asked)</source>
        <translation>Bearer 质询信任此租户（询问了 {count} 个终结点）</translation>
    </message>
    <message>
        <source>SharePoint&apos;s Bearer realm</source>
        <translation>SharePoint 的 Bearer 领域</translation>
    </message>
    <message>
        <source>Autodiscover service: {url}</source>
        <translation>自动发现服务：{url}</translation>
    </message>
    <message>
        <source>Needed by SharePoint (Online or Server) next to Exchange: Exchange, Teams and Outlook reach the site with Entra ID tokens of this tenant. Ignore it if you do not run SharePoint.</source>
        <translation>与 Exchange 搭配的 SharePoint（Online 或 Server）需要它：Exchange、Teams 和 Outlook 使用此租户的 Entra ID 令牌访问该站点。如果未运行 SharePoint，可忽略。</translation>
    </message>
    <message>
        <source>Needed by SharePoint Server next to Exchange Server: the server-to-server trust (New-SPTrustedSecurityTokenIssuer) reads this document for site mailboxes, eDiscovery and Exchange tasks. Ignore it if you do not run SharePoint Server.</source>
        <translation>与 Exchange Server 搭配的 SharePoint Server 需要它：服务器到服务器信任（New-SPTrustedSecurityTokenIssuer）为网站邮箱、电子数据展示和 Exchange 任务读取此文档。如果未运行 SharePoint Server，可忽略。</translation>
    </message>
    <message>
        <source>TLS and the site&apos;s host name</source>
        <translation>TLS 和站点的主机名</translation>
    </message>
    <message>
        <source>Site mailboxes are retired in Exchange Online and SharePoint Online: none could be created from {deprecated}, and those left were removed from {retired}; Microsoft 365 Groups (and Teams) replace them.</source>
        <translation>网站邮箱已在 Exchange Online 和 SharePoint Online 中停用：自 {deprecated} 起无法再创建，剩余的自 {retired} 起被移除；由 Microsoft 365 组（和 Teams）取代。</translation>
    </message>
    <message>
        <source>Exchange Server and SharePoint Server still have site mailboxes; they need the server-to-server trust (integration.sharepoint.s2s)</source>
        <translation>Exchange Server 和 SharePoint Server 仍提供网站邮箱；它们需要服务器到服务器信任（integration.sharepoint.s2s）</translation>
    </message>
    <message>
        <source>{host} is a custom domain in front of SharePoint Online (its certificate is for {names}): Microsoft does not support custom domains for SharePoint Online sites</source>
        <translation>{host} 是放在 SharePoint Online 前面的自定义域（其证书针对 {names}）：Microsoft 不支持 SharePoint Online 站点使用自定义域</translation>
    </message>
    <message>
        <source>Only the SharePoint Online Public Website ever had a custom domain: no new ones since {ended}, and the last were deleted on {deleted}. A SharePoint Online site is reached at https://&lt;name&gt;.sharepoint.com/ (per cloud: sharepoint.us, sharepoint.cn); a CNAME or proxy under your own name fails TLS and sign-in. {error}</source>
        <translation>只有 SharePoint Online 公共网站曾支持自定义域：自 {ended} 起不再新建，最后一批已于 {deleted} 删除。SharePoint Online 站点通过 https://&lt;name&gt;.sharepoint.com/ 访问（按云区分：sharepoint.us、sharepoint.cn）；使用你自己名称的 CNAME 或代理会导致 TLS 和登录失败。{error}</translation>
    </message>
    <message>
        <source>Exchange Online: SharePoint Server reaches it through the SharePoint hybrid trust with Microsoft 365 (its realm is checked by integration.sharepoint.site)</source>
        <translation>Exchange Online：SharePoint Server 通过与 Microsoft 365 的 SharePoint 混合信任访问它（其领域由 integration.sharepoint.site 检查）</translation>
    </message>
    <message>
        <source>SharePoint Online and Exchange Online: Microsoft runs the trust between them; nothing to set up</source>
        <translation>SharePoint Online 和 Exchange Online：两者之间的信任由 Microsoft 维护；无需设置</translation>
    </message>
    <message>
        <source>Sources: {link}, {groups}</source>
        <translation>来源：{link}、{groups}</translation>
    </message>
    <message>
        <source>{protocol} in Exchange Online: retirement dates</source>
        <translation>Exchange Online 中的 {protocol}：停用日期</translation>
    </message>
    <message>
        <source>A password (Basic authentication) no longer signs in to {protocol} in Exchange Online since {date}: only OAuth 2.0 (XOAUTH2) does. This computer connects with TLS 1.2 or later; the devices and applications you are asking about may not.</source>
        <translation>自 {date} 起，密码（基本身份验证）已无法登录 Exchange Online 中的 {protocol}：只有 OAuth 2.0（XOAUTH2）可以。这台计算机使用 TLS 1.2 或更高版本连接；你所排查的设备和应用程序可能不是。</translation>
    </message>
    <message>
        <source>Exchange Online stops accepting TLS 1.0 and 1.1 on {protocol}, the legacy endpoint {legacy} included, in a rollout from {start} to {end}</source>
        <translation>Exchange Online 将在 {start} 至 {end} 的逐步推出中停止在 {protocol} 上接受 TLS 1.0 和 1.1，旧版终结点 {legacy} 也包括在内</translation>
    </message>
    <message>
        <source>{protocol} in this cloud never accepted TLS 1.0 or 1.1 (there were no legacy endpoints): only clients with TLS 1.2 or later connect</source>
        <translation>此云中的 {protocol} 从未接受 TLS 1.0 或 1.1（没有旧版终结点）：只有支持 TLS 1.2 或更高版本的客户端才能连接</translation>
    </message>
    <message>
        <source>Exchange Online is switching off TLS 1.0 and 1.1 on {protocol}, the legacy endpoint {legacy} included, in a rollout from {start} that ends on {end}</source>
        <translation>Exchange Online 正在 {protocol} 上关闭 TLS 1.0 和 1.1，旧版终结点 {legacy} 也包括在内；逐步推出自 {start} 开始，于 {end} 结束</translation>
    </message>
    <message>
        <source>Exchange Online no longer accepts TLS 1.0 or 1.1 on {protocol} since {end}, and the legacy endpoint {legacy} is gone</source>
        <translation>自 {end} 起，Exchange Online 不再在 {protocol} 上接受 TLS 1.0 或 1.1，旧版终结点 {legacy} 也已停用</translation>
    </message>
    <message>
        <source>{host} is the endpoint for clients that only speak TLS 1.0 or 1.1: {note}</source>
        <translation>{host} 是供只支持 TLS 1.0 或 1.1 的客户端使用的终结点：{note}</translation>
    </message>
    <message>
        <source>Update or replace {protocol} clients that only speak TLS 1.0 or 1.1 (old scanners, line-of-business applications, embedded devices; their vendor can confirm TLS 1.2 support), and point any set to {legacy} back to {host}. Set-TransportConfig -AllowLegacyTLSClients no longer keeps them working.</source>
        <translation>更新或更换只支持 TLS 1.0 或 1.1 的 {protocol} 客户端（旧扫描仪、业务应用程序、嵌入式设备；其供应商可以确认是否支持 TLS 1.2），并把设置为 {legacy} 的客户端改回 {host}。Set-TransportConfig -AllowLegacyTLSClients 已无法让它们继续工作。</translation>
    </message>
    <message>
        <source>{host} answered on port 25, but not as a mail server does. When the MX is Exchange Online, that is almost always something on the way answering for it: a firewall&apos;s SMTP inspection or &apos;fixup&apos; feature, an antivirus mail shield, or a provider&apos;s transparent proxy. Turn that off for traffic to Exchange Online, or run this check from another network to compare; nothing was sent.</source>
        <translation>{host} 在 25 端口上有应答，但不像邮件服务器那样应答。如果 MX 是 Exchange Online，这几乎总是途中有设备代它应答：防火墙的 SMTP 检查或“fixup”功能、防病毒软件的邮件防护，或服务商的透明代理。请对发往 Exchange Online 的流量关闭该功能，或从另一个网络运行此检查进行比较；未发送任何内容。</translation>
    </message>
    <message>
        <source>port 25 to {host} opens, but what answers there breaks the SMTP conversation: {error}</source>
        <translation>到 {host} 的 25 端口可以连接，但在那里应答的一方破坏了 SMTP 会话：{error}</translation>
    </message>
    <message>
        <source>{host} sent its answer too slowly: not complete within {seconds} s</source>
        <translation>{host} 发送应答过慢：{seconds} 秒内未完成</translation>
    </message>
    <message>
        <source>the server&apos;s reply ran past {count} lines without ending; stopped reading</source>
        <translation>服务器的回复超过 {count} 行仍未结束；已停止读取</translation>
    </message>
    <message>
        <source>the server sent its reply too slowly: no complete line within {seconds} s</source>
        <translation>服务器发送回复过慢：{seconds} 秒内没有收到完整的一行</translation>
    </message>
    <message>
        <source>the mailbox address</source>
        <translation>邮箱地址</translation>
    </message>
    <message>
        <source>the mailbox to test</source>
        <translation>要测试的邮箱</translation>
    </message>
    <message>
        <source>the Microsoft 365 environment</source>
        <translation>Microsoft 365 环境</translation>
    </message>
    <message>
        <source>the tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>the sign-in method</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>the application (client) ID</source>
        <translation>应用程序(客户端) ID</translation>
    </message>
    <message>
        <source>the client secret</source>
        <translation>客户端密码</translation>
    </message>
    <message>
        <source>the client certificate file</source>
        <translation>客户端证书文件</translation>
    </message>
    <message>
        <source>the certificate file&apos;s password</source>
        <translation>证书文件的密码</translation>
    </message>
    <message>
        <source>the hosts trusted for this run</source>
        <translation>本次运行信任的主机</translation>
    </message>
    <message>
        <source>the connect-to overrides</source>
        <translation>连接重定向（connect-to）</translation>
    </message>
    <message>
        <source>the DNS servers</source>
        <translation>DNS 服务器</translation>
    </message>
    <message>
        <source>the SharePoint site&apos;s address</source>
        <translation>SharePoint 站点地址</translation>
    </message>
    <message>
        <source>the recipient for the test message</source>
        <translation>测试邮件的收件人</translation>
    </message>
    <message>
        <source>the relay methods to test</source>
        <translation>要测试的中继方式</translation>
    </message>
    <message>
        <source>the connector&apos;s client certificate</source>
        <translation>连接器的客户端证书</translation>
    </message>
    <message>
        <source>the HVE account</source>
        <translation>HVE 帐户</translation>
    </message>
    <message>
        <source>the HVE account&apos;s password</source>
        <translation>HVE 帐户的密码</translation>
    </message>
    <message>
        <source>the recipient mailbox&apos;s login</source>
        <translation>收件邮箱的登录名</translation>
    </message>
    <message>
        <source>the recipient mailbox&apos;s password</source>
        <translation>收件邮箱的密码</translation>
    </message>
    <message>
        <source>how long to wait for the test message</source>
        <translation>等待测试邮件的时长</translation>
    </message>
    <message>
        <source>the device&apos;s description</source>
        <translation>设备的描述</translation>
    </message>
    <message>
        <source>{host} answers over validated TLS</source>
        <translation>{host} 通过经验证的 TLS 应答</translation>
    </message>
    <message>
        <source>batch mode runs only DNS checks (dns or dns.* IDs); not {checks}</source>
        <translation>批处理模式只运行 DNS 检查（dns 或 dns.* ID）；不能运行 {checks}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is a URL; give the domain only</source>
        <translation>“{text}”是一个 URL；只需填写域名</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is an email address; give the domain only</source>
        <translation>“{text}”是一个电子邮件地址；只需填写域名</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; holds more than one word</source>
        <translation>“{text}”包含不止一个词</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is an IP address, not a domain</source>
        <translation>“{text}”是 IP 地址，不是域名</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a domain (it has no dot)</source>
        <translation>“{text}”不是域名（其中没有点）</translation>
    </message>
    <message>
        <source>the domains file {path} does not exist</source>
        <translation>域名文件 {path} 不存在</translation>
    </message>
    <message>
        <source>the domains file {path} is a folder</source>
        <translation>域名文件 {path} 是一个文件夹</translation>
    </message>
    <message>
        <source>cannot read the domains file {path}: {error}</source>
        <translation>无法读取域名文件 {path}：{error}</translation>
    </message>
    <message>
        <source>the line is too long to hold a domain</source>
        <translation>该行太长，不可能是一个域名</translation>
    </message>
    <message>
        <source>the line is not UTF-8 text</source>
        <translation>该行不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>{done} domains in {seconds} s ({rate} domains/s): {counts}; {bad} bad lines skipped</source>
        <translation>{seconds} 秒内检查了 {done} 个域名（每秒 {rate} 个）：{counts}；跳过了 {bad} 个无效行</translation>
    </message>
    <message>
        <source>batch mode writes JSON lines and a CSV; the report files are for one domain</source>
        <translation>批处理模式输出 JSON 行和一个 CSV 文件；报告文件只用于单个域名</translation>
    </message>
    <message>
        <source>the number of processes must be 1 to {most}, not {value}</source>
        <translation>进程数必须在 1 到 {most} 之间，而不是 {value}</translation>
    </message>
    <message>
        <source>the number of domains checked at once must be 1 to {most}, not {value}</source>
        <translation>同时检查的域名数必须在 1 到 {most} 之间，而不是 {value}</translation>
    </message>
    <message>
        <source>the CSV would overwrite the domains file {path}</source>
        <translation>CSV 文件会覆盖域名文件 {path}</translation>
    </message>
    <message>
        <source>line {line}: {reason}; skipped</source>
        <translation>第 {line} 行：{reason}；已跳过</translation>
    </message>
    <message>
        <source>{count} domains were not checked: a worker process ended early</source>
        <translation>有 {count} 个域名未被检查：一个工作进程提前结束了</translation>
    </message>
    <message>
        <source>the domains file names no domain</source>
        <translation>域名文件中没有任何域名</translation>
    </message>
    <message>
        <source>cannot write the CSV {path}: {error}</source>
        <translation>无法写入 CSV 文件 {path}：{error}</translation>
    </message>
    <message>
        <source>stopped: {summary}</source>
        <translation>已停止：{summary}</translation>
    </message>
    <message>
        <source>first answer: {candidate} → EWS {url}; waiting for the other candidates</source>
        <translation>首个应答：{candidate} → EWS {url}；仍在等待其他候选项</translation>
    </message>
    <message>
        <source>The checks that needed these settings started with the first answer, from {first}, while the others were still being waited for.</source>
        <translation>需要这些设置的检查已使用 {first} 的首个应答开始运行，同时仍在等待其他候选项。</translation>
    </message>
    <message>
        <source>{count} more MX records not looked up: only the {limit} most preferred are</source>
        <translation>另有 {count} 条 MX 记录未查询：只查询优先级最高的 {limit} 条</translation>
    </message>
    <message>
        <source>More MX records</source>
        <translation>更多 MX 记录</translation>
    </message>
    <message>
        <source>{host} does not answer over validated TLS: {error}</source>
        <translation>{host} 未通过经验证的 TLS 应答：{error}</translation>
    </message>
    <message>
        <source>Serve the site over HTTPS with a certificate for {host} from a public CA, reachable on TCP 443.</source>
        <translation>通过 HTTPS 提供该站点，使用公共 CA 颁发的 {host} 证书，并可通过 TCP 443 访问。</translation>
    </message>
    <message>
        <source>The site&apos;s Bearer challenge</source>
        <translation>站点的 Bearer 质询</translation>
    </message>
    <message>
        <source>Source: {link}</source>
        <translation>来源：{link}</translation>
    </message>
    <message>
        <source>Site: {url}</source>
        <translation>站点：{url}</translation>
    </message>
    <message>
        <source>Needed by Teams when users&apos; mailboxes are on Exchange Server: the Teams service reaches them from the internet. Ignore it if you do not use Teams, or if every mailbox is in Exchange Online.</source>
        <translation>当用户邮箱位于 Exchange Server 上时 Teams 需要此项：Teams 服务从互联网访问这些邮箱。如果你不使用 Teams，或所有邮箱都在 Exchange Online 中，可以忽略。</translation>
    </message>
    <message>
        <source>Voicemail does not depend on these steps: Exchange Unified Messaging Online was retired on {date} and Exchange Server 2019 has no Unified Messaging; {successor} delivers voicemail to the mailbox.</source>
        <translation>语音邮件不依赖这些步骤：Exchange 统一消息 Online 已于 {date} 停用，Exchange Server 2019 没有统一消息；由 {successor} 将语音邮件投递到邮箱。</translation>
    </message>
    <message>
        <source>EWS URL from autodiscover v2: {url}</source>
        <translation>EWS URL 来自自动发现 v2：{url}</translation>
    </message>
    <message>
        <source>EWS published with OAuth (Bearer)</source>
        <translation>EWS 已发布并支持 OAuth（Bearer）</translation>
    </message>
    <message>
        <source>Exchange build</source>
        <translation>Exchange 版本号</translation>
    </message>
    <message>
        <source>mailboxes in Exchange Online ({cloud}): Teams reaches them directly</source>
        <translation>邮箱位于 Exchange Online（{cloud}）：Teams 直接访问它们</translation>
    </message>
    <message>
        <source>Autodiscover v2 finds the mailbox</source>
        <translation>自动发现 v2 找到邮箱</translation>
    </message>
    <message>
        <source>skipped: give a mailbox address (user@{domain}) to look it up</source>
        <translation>已跳过：请提供邮箱地址（user@{domain}）以便查找</translation>
    </message>
    <message>
        <source>Teams finds the on-premises mailbox this way before it reads the calendar (meetings, the calendar app) and presence from out-of-office.</source>
        <translation>Teams 先通过这种方式找到本地邮箱，然后读取日历（会议、日历应用）并根据外出状态显示状态。</translation>
    </message>
    <message>
        <source>Teams creates and shows meetings, the calendar app and free/busy through EWS with OAuth (the Exchange service principal signs in with a Bearer token).</source>
        <translation>Teams 通过使用 OAuth 的 EWS 创建和显示会议、日历应用及忙/闲信息（Exchange 服务主体使用 Bearer 令牌登录）。</translation>
    </message>
    <message>
        <source>Teams meetings in on-premises mailboxes need {minimum} or later; an Exchange out of support gets no security fixes.</source>
        <translation>本地邮箱中的 Teams 会议需要 {minimum} 或更高版本；不受支持的 Exchange 收不到安全修复。</translation>
    </message>
    <message>
        <source>Publish autodiscover.&lt;domain&gt; externally (reverse proxy, firewall, DNS) with a valid certificate, including /autodiscover/autodiscover.json, which answers without sign-in.</source>
        <translation>以有效证书对外发布 autodiscover.&lt;domain&gt;（反向代理、防火墙、DNS），包括无需登录即可应答的 /autodiscover/autodiscover.json。</translation>
    </message>
    <message>
        <source>Configure OAuth between Exchange Server and Exchange Online: run the Hybrid Configuration Wizard (full hybrid), or follow the manual steps; then check that EWS answers with a Bearer challenge.</source>
        <translation>在 Exchange Server 与 Exchange Online 之间配置 OAuth：运行混合配置向导（完全混合），或按手动步骤操作；然后确认 EWS 以 Bearer 质询应答。</translation>
    </message>
    <message>
        <source>Publish /EWS/ externally (reverse proxy, firewall) with a valid certificate: Microsoft 365 services reach it from the internet.</source>
        <translation>以有效证书对外发布 /EWS/（反向代理、防火墙）：Microsoft 365 服务从互联网访问它。</translation>
    </message>
    <message>
        <source>Upgrade to {supported} (in place from Exchange 2019 CU14 or CU15; side by side from Exchange 2016), or move the mailboxes to Exchange Online.</source>
        <translation>升级到 {supported}（从 Exchange 2019 CU14 或 CU15 可就地升级；从 Exchange 2016 需并行迁移），或将邮箱迁移到 Exchange Online。</translation>
    </message>
    <message>
        <source>{url} answers, but with no EWS URL</source>
        <translation>{url} 有应答，但没有 EWS URL</translation>
    </message>
    <message>
        <source>{url} asks for sign-in (HTTP 401)</source>
        <translation>{url} 要求登录（HTTP 401）</translation>
    </message>
    <message>
        <source>{url} answers 404: autodiscover v2 is not published</source>
        <translation>{url} 返回 404：自动发现 v2 未发布</translation>
    </message>
    <message>
        <source>{url} redirects (HTTP {status})</source>
        <translation>{url} 重定向（HTTP {status}）</translation>
    </message>
    <message>
        <source>EWS is published and takes OAuth (Bearer): {schemes}</source>
        <translation>EWS 已发布并接受 OAuth（Bearer）：{schemes}</translation>
    </message>
    <message>
        <source>EWS is published but offers no OAuth (Bearer): {schemes}</source>
        <translation>EWS 已发布但不提供 OAuth（Bearer）：{schemes}</translation>
    </message>
    <message>
        <source>{url} answers 404: EWS is not published externally</source>
        <translation>{url} 返回 404：EWS 未对外发布</translation>
    </message>
    <message>
        <source>Exchange Online ({build})</source>
        <translation>Exchange Online（{build}）</translation>
    </message>
    <message>
        <source>{name} ({build}) is older than {minimum}: Teams cannot create or show meetings</source>
        <translation>{name}（{build}）早于 {minimum}：Teams 无法创建或显示会议</translation>
    </message>
    <message>
        <source>{name} ({build}) is out of support since {date}</source>
        <translation>{name}（{build}）自 {date} 起已不再受支持</translation>
    </message>
    <message>
        <source>{name} ({build}): supported</source>
        <translation>{name}（{build}）：受支持</translation>
    </message>
    <message>
        <source>autodiscover v2 finds {email}: EWS at {url}</source>
        <translation>自动发现 v2 找到 {email}：EWS 位于 {url}</translation>
    </message>
    <message>
        <source>the Exchange build is not shown (no X-OWA-Version header)</source>
        <translation>未显示 Exchange 版本号（没有 X-OWA-Version 标头）</translation>
    </message>
    <message>
        <source>the Exchange build {raw} is not one this program reads</source>
        <translation>本程序无法识别 Exchange 版本号 {raw}</translation>
    </message>
    <message>
        <source>Needed by every product here: SharePoint&apos;s realm, the trusted issuers in Exchange&apos;s Bearer challenge and the OAuth setup of Skype for Business and Teams must all name this tenant ID; the later checks compare with it.</source>
        <translation>这里的每个产品都需要它：SharePoint 的领域、Exchange Bearer 质询中的受信任颁发者，以及 Skype for Business 和 Teams 的 OAuth 设置都必须指向此租户 ID；后续检查会与它比较。</translation>
    </message>
    <message>
        <source>{summary}; the tenant is in the {instance} cloud, not the one this run tests</source>
        <translation>{summary}；该租户位于 {instance} 云，而不是本次运行测试的云</translation>
    </message>
    <message>
        <source>{domain} is not a tenant domain in this cloud: Exchange Online, SharePoint Online and Teams cannot belong to it</source>
        <translation>{domain} 不是此云中的租户域：Exchange Online、SharePoint Online 和 Teams 不能属于它</translation>
    </message>
    <message>
        <source>the tenant could not be looked up: {reasons}</source>
        <translation>无法查询租户：{reasons}</translation>
    </message>
    <message>
        <source>{domain} is no Microsoft 365 tenant&apos;s domain: an on-premises-only organisation; the OAuth trust checks have no tenant to compare with</source>
        <translation>{domain} 不属于任何 Microsoft 365 租户：这是一个纯本地组织；OAuth 信任检查没有可比较的租户</translation>
    </message>
    <message>
        <source>Allow HTTPS from this computer to the sign-in service ({hosts}), through the proxy if there is one, and run the check again.</source>
        <translation>允许此计算机通过 HTTPS 访问登录服务（{hosts}）（如有代理则经由代理），然后重新运行检查。</translation>
    </message>
    <message>
        <source>Issuer: {issuer}</source>
        <translation>颁发者：{issuer}</translation>
    </message>
    <message>
        <source>SharePoint Server and Skype for Business Server next to Exchange Server need no tenant; SharePoint Online, Teams and hybrid modern authentication do (add and verify the domain in the Microsoft 365 admin center).</source>
        <translation>与 Exchange Server 搭配的 SharePoint Server 和 Skype for Business Server 不需要租户；SharePoint Online、Teams 和混合新式验证则需要（在 Microsoft 365 管理中心中添加并验证该域）。</translation>
    </message>
    <message>
        <source>the answer is larger than {kib} KiB</source>
        <translation>应答大于 {kib} KiB</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>应答不是 JSON 对象</translation>
    </message>
    <message>
        <source>the answer names neither an issuer nor signing keys</source>
        <translation>应答既未指明颁发者，也没有签名密钥</translation>
    </message>
    <message>
        <source>Renew Exchange&apos;s auth certificate: New-ExchangeCertificate -KeySize 2048 -SubjectName &apos;cn=Microsoft Exchange Server Auth Certificate&apos; -FriendlyName &apos;Microsoft Exchange Server Auth Certificate&apos; -DomainName @(), then Set-AuthConfig -NewCertificateThumbprint &lt;thumbprint&gt; -NewCertificateEffectiveDate (Get-Date), then Set-AuthConfig -PublishCertificate (and -ClearPreviousCertificate), restart the MSExchangeServiceHost service and the web app pools, and re-run the Hybrid Configuration Wizard.</source>
        <translation>续订 Exchange 的身份验证证书：运行 New-ExchangeCertificate -KeySize 2048 -SubjectName &apos;cn=Microsoft Exchange Server Auth Certificate&apos; -FriendlyName &apos;Microsoft Exchange Server Auth Certificate&apos; -DomainName @()，然后运行 Set-AuthConfig -NewCertificateThumbprint &lt;thumbprint&gt; -NewCertificateEffectiveDate (Get-Date)，再运行 Set-AuthConfig -PublishCertificate（以及 -ClearPreviousCertificate），重启 MSExchangeServiceHost 服务和 Web 应用程序池，并重新运行混合配置向导。</translation>
    </message>
    <message>
        <source>signing certificate valid until {date} ({days} days left)</source>
        <translation>签名证书有效期至 {date}（还剩 {days} 天）</translation>
    </message>
    <message>
        <source>the answer is not JSON</source>
        <translation>应答不是 JSON</translation>
    </message>
    <message>
        <source>the document has no readable signing certificate: SharePoint Server, Skype for Business Server and Exchange Online cannot validate Exchange&apos;s tokens</source>
        <translation>该文档没有可读取的签名证书：SharePoint Server、Skype for Business Server 和 Exchange Online 无法验证 Exchange 的令牌</translation>
    </message>
    <message>
        <source>the Exchange auth certificate expired on {date} ({days} days ago): SharePoint Server, Skype for Business Server and Exchange Online can no longer validate its tokens</source>
        <translation>Exchange 身份验证证书已于 {date} 过期（{days} 天前）：SharePoint Server、Skype for Business Server 和 Exchange Online 无法再验证其令牌</translation>
    </message>
    <message>
        <source>the Exchange auth certificate expires on {date}, in {days} days: renew it now (a new one takes effect only after it has reached every server)</source>
        <translation>Exchange 身份验证证书将于 {date} 过期（还有 {days} 天）：请立即续订（新证书要在到达每台服务器之后才会生效）</translation>
    </message>
    <message>
        <source>Configure OAuth between Exchange Server and Microsoft Entra ID (hybrid modern authentication): run the Hybrid Configuration Wizard, or New-AuthServer -Type AzureAD -AuthMetadataUrl https://login.microsoftonline.com/&lt;tenant ID&gt;/federationmetadata/2007-06/federationmetadata.xml, Set-AuthServer -IsDefaultAuthorizationEndpoint $true and New-PartnerApplication for Exchange Online; and leave OAuthAuthentication on for the EWS and autodiscover virtual directories (Get-WebServicesVirtualDirectory, Get-AutodiscoverVirtualDirectory).</source>
        <translation>在 Exchange Server 与 Microsoft Entra ID 之间配置 OAuth（混合新式验证）：运行混合配置向导，或运行 New-AuthServer -Type AzureAD -AuthMetadataUrl https://login.microsoftonline.com/&lt;tenant ID&gt;/federationmetadata/2007-06/federationmetadata.xml、Set-AuthServer -IsDefaultAuthorizationEndpoint $true，并为 Exchange Online 运行 New-PartnerApplication；同时在 EWS 和自动发现虚拟目录上保持 OAuthAuthentication 开启（Get-WebServicesVirtualDirectory、Get-AutodiscoverVirtualDirectory）。</translation>
    </message>
    <message>
        <source>trusted_issuers names another tenant ({found}), not this domain&apos;s ({tenant}): Exchange accepts no token from this tenant</source>
        <translation>trusted_issuers 指明的是另一个租户（{found}），而不是此域的租户（{tenant}）：Exchange 不接受来自此租户的令牌</translation>
    </message>
    <message>
        <source>the site offers no Bearer (OAuth) challenge: SharePoint does not accept Entra ID tokens, so Exchange Online, Teams and hybrid search cannot sign in to it</source>
        <translation>站点没有提供 Bearer（OAuth）质询：SharePoint 不接受 Entra ID 令牌，因此 Exchange Online、Teams 和混合搜索无法登录到它</translation>
    </message>
    <message>
        <source>SharePoint Server&apos;s realm is {realm}, not this domain&apos;s tenant ID ({tenant}): tokens from Microsoft 365 are refused</source>
        <translation>SharePoint Server 的领域（realm）是 {realm}，而不是此域的租户 ID（{tenant}）：来自 Microsoft 365 的令牌会被拒绝</translation>
    </message>
    <message>
        <source>no Bearer challenge (no OAuth with Microsoft 365); no tenant ID of this domain is known, so there is nothing to compare with</source>
        <translation>没有 Bearer 质询（未与 Microsoft 365 配置 OAuth）；不知道此域的租户 ID，因此无可比较</translation>
    </message>
    <message>
        <source>no Bearer challenge: hybrid modern authentication / OAuth with Exchange Online is not configured (Teams calendar, Skype for Business and SharePoint cannot reach on-premises mail)</source>
        <translation>没有 Bearer 质询：未配置混合新式验证 / 与 Exchange Online 的 OAuth（Teams 日历、Skype for Business 和 SharePoint 无法访问本地邮箱）</translation>
    </message>
    <message>
        <source>the Bearer challenge names client_id {client_id}, not Exchange&apos;s app ID {app_id}: something other than Exchange answered</source>
        <translation>Bearer 质询中的 client_id 是 {client_id}，而不是 Exchange 的应用 ID {app_id}：应答的不是 Exchange</translation>
    </message>
    <message>
        <source>the Bearer challenge names no trusted issuers: Exchange trusts no token issuer</source>
        <translation>Bearer 质询未列出受信任的颁发者：Exchange 不信任任何令牌颁发者</translation>
    </message>
    <message>
        <source>trusted_issuers names no Microsoft Entra ID tenant ({issuers}): Exchange does not accept Entra ID tokens</source>
        <translation>trusted_issuers 中没有 Microsoft Entra ID 租户（{issuers}）：Exchange 不接受 Entra ID 令牌</translation>
    </message>
    <message>
        <source>Exchange trusts Entra ID tenant {tenants}; no tenant ID of this domain is known, so there is nothing to compare with</source>
        <translation>Exchange 信任 Entra ID 租户 {tenants}；不知道此域的租户 ID，因此无可比较</translation>
    </message>
    <message>
        <source>Exchange&apos;s Bearer challenge trusts this tenant ({tenant}) and names Exchange&apos;s app ID</source>
        <translation>Exchange 的 Bearer 质询信任此租户（{tenant}），并使用 Exchange 的应用 ID</translation>
    </message>
    <message>
        <source>the Bearer challenge trusts Entra ID tokens of any tenant (Microsoft&apos;s multi-tenant form, as Exchange Online sends it)</source>
        <translation>Bearer 质询信任任何租户的 Entra ID 令牌（Microsoft 的多租户形式，与 Exchange Online 发送的相同）</translation>
    </message>
    <message>
        <source>Point Exchange&apos;s Entra ID auth server at this tenant: Get-AuthServer shows the one in use; re-run the Hybrid Configuration Wizard signed in to tenant {tenant}, or Set-AuthServer -AuthMetadataUrl https://login.microsoftonline.com/{tenant}/federationmetadata/2007-06/federationmetadata.xml.</source>
        <translation>让 Exchange 的 Entra ID 身份验证服务器指向此租户：Get-AuthServer 会显示当前使用的服务器；登录租户 {tenant} 后重新运行混合配置向导，或运行 Set-AuthServer -AuthMetadataUrl https://login.microsoftonline.com/{tenant}/federationmetadata/2007-06/federationmetadata.xml。</translation>
    </message>
    <message>
        <source>the site offers no Bearer (OAuth) challenge; no tenant ID of this domain is known, so there is nothing to compare with</source>
        <translation>站点没有提供 Bearer（OAuth）质询；不知道此域的租户 ID，因此无可比较</translation>
    </message>
    <message>
        <source>the Bearer challenge names client_id {client_id}, not SharePoint&apos;s app ID {app_id}: something other than SharePoint answered</source>
        <translation>Bearer 质询中的 client_id 是 {client_id}，而不是 SharePoint 的应用 ID {app_id}：应答的不是 SharePoint</translation>
    </message>
    <message>
        <source>the Bearer challenge names no realm: SharePoint has no authentication realm</source>
        <translation>Bearer 质询未指明领域（realm）：SharePoint 没有身份验证领域</translation>
    </message>
    <message>
        <source>the site&apos;s realm is {realm}; no tenant ID of this domain is known, so there is nothing to compare with</source>
        <translation>站点的领域是 {realm}；不知道此域的租户 ID，因此无可比较</translation>
    </message>
    <message>
        <source>the site&apos;s Bearer realm is this tenant ({tenant})</source>
        <translation>站点的 Bearer 领域就是此租户（{tenant}）</translation>
    </message>
    <message>
        <source>the site belongs to another tenant (realm {realm}), not this domain&apos;s ({tenant})</source>
        <translation>该站点属于另一个租户（领域 {realm}），而不是此域的租户（{tenant}）</translation>
    </message>
    <message>
        <source>Set-SPAuthenticationRealm -Realm {tenant} on the farm, then re-create the trust with Microsoft 365 (the SharePoint Hybrid Configuration Wizard); existing server-to-server trusts must be re-created after a realm change.</source>
        <translation>在场上运行 Set-SPAuthenticationRealm -Realm {tenant}，然后重新建立与 Microsoft 365 的信任（SharePoint 混合配置向导）；更改领域后，现有的服务器到服务器信任必须重新建立。</translation>
    </message>
    <message>
        <source>Publish EWS and autodiscover straight from Exchange (a reverse proxy or load balancer must pass Exchange&apos;s own 401 and WWW-Authenticate headers through, not answer with its own sign-in).</source>
        <translation>直接从 Exchange 发布 EWS 和自动发现（反向代理或负载均衡器必须原样传递 Exchange 自己的 401 和 WWW-Authenticate 标头，而不是用自己的登录来应答）。</translation>
    </message>
    <message>
        <source>Set up server-to-server authentication between SharePoint Server and Microsoft 365 (the SharePoint Hybrid Configuration Wizard, or New-SPTrustedSecurityTokenIssuer for the tenant&apos;s metadata endpoint and Set-SPAuthenticationRealm -Realm &lt;tenant ID&gt;).</source>
        <translation>在 SharePoint Server 与 Microsoft 365 之间设置服务器到服务器身份验证（SharePoint 混合配置向导，或针对租户元数据终结点运行 New-SPTrustedSecurityTokenIssuer，并运行 Set-SPAuthenticationRealm -Realm &lt;tenant ID&gt;）。</translation>
    </message>
    <message>
        <source>Check the site URL, and that a reverse proxy in front of SharePoint passes SharePoint&apos;s own 401 and WWW-Authenticate headers through.</source>
        <translation>检查站点 URL，并确认 SharePoint 前面的反向代理原样传递了 SharePoint 自己的 401 和 WWW-Authenticate 标头。</translation>
    </message>
    <message>
        <source>Set the farm&apos;s realm to the tenant ID: Set-SPAuthenticationRealm -Realm &lt;tenant ID&gt;.</source>
        <translation>将场的领域设置为租户 ID：Set-SPAuthenticationRealm -Realm &lt;tenant ID&gt;。</translation>
    </message>
    <message>
        <source>Give the URL of a site in this domain&apos;s own tenant (its SharePoint address is &lt;name&gt;.sharepoint.com, as the SharePoint admin center shows).</source>
        <translation>请提供此域自己租户中某个站点的 URL（其 SharePoint 地址为 &lt;name&gt;.sharepoint.com，可在 SharePoint 管理中心中看到）。</translation>
    </message>
    <message>
        <source>its test message landed in Junk (see the round trip)</source>
        <translation>它的测试邮件进入了垃圾邮件文件夹（见往返测试）</translation>
    </message>
    <message>
        <source>{method} gets the message in, but it landed in Junk: see the round trip</source>
        <translation>{method} 能把邮件送进去，但邮件进入了垃圾邮件文件夹：见往返测试</translation>
    </message>
    <message>
        <source>its test message was accepted but never arrived</source>
        <translation>它的测试邮件已被接受，但始终没有送达</translation>
    </message>
    <message>
        <source>No test message was sent (nothing is sent without {send_to}): which methods work from here is untested.</source>
        <translation>未发送测试邮件（没有{send_to}就不会发送任何邮件）：尚未测试从这里可以使用哪些方式。</translation>
    </message>
    <message>
        <source>Make the domain vouch for this network: add its public IP address to the SPF record (relay.spf_alignment gives the exact record), sign with DKIM, and send again; relay.roundtrip shows why the message went to Junk.</source>
        <translation>让域为本网络担保：把本网络的公网 IP 地址加入 SPF 记录（relay.spf_alignment 给出了确切的记录），使用 DKIM 签名，然后再次发送；relay.roundtrip 说明了邮件为何进入垃圾邮件文件夹。</translation>
    </message>
    <message>
        <source>This network&apos;s public IP address, as the MX saw it</source>
        <translation>本网络的公网 IP 地址（MX 看到的）</translation>
    </message>
    <message>
        <source>Test message sent</source>
        <translation>已发送测试邮件</translation>
    </message>
    <message>
        <source>Outbound port 25 to the MX endpoint</source>
        <translation>到 MX 终结点的出站 25 端口</translation>
    </message>
    <message>
        <source>Test send: SMTP AUTH client submission</source>
        <translation>测试发送：SMTP AUTH 客户端提交</translation>
    </message>
    <message>
        <source>Test send: Direct Send to the MX endpoint</source>
        <translation>测试发送：直接发送（Direct Send）到 MX 终结点</translation>
    </message>
    <message>
        <source>Test send: SMTP relay through an inbound connector</source>
        <translation>测试发送：通过入站连接器进行 SMTP 中继</translation>
    </message>
    <message>
        <source>Test send: High Volume Email</source>
        <translation>测试发送：大容量电子邮件（HVE）</translation>
    </message>
    <message>
        <source>SPF for this network&apos;s public IP address</source>
        <translation>本网络公网 IP 地址的 SPF 结果</translation>
    </message>
    <message>
        <source>Which sending method fits this device</source>
        <translation>哪种发送方式适合此设备</translation>
    </message>
    <message>
        <source>Proof of delivery: the test message in the mailbox</source>
        <translation>投递证明：邮箱中的测试邮件</translation>
    </message>
    <message>
        <source>the MX lookup for {domain} failed: {answer}</source>
        <translation>{domain} 的 MX 查询失败：{answer}</translation>
    </message>
    <message>
        <source>the MX record of {domain}</source>
        <translation>{domain} 的 MX 记录</translation>
    </message>
    <message>
        <source>{domain} has no usable MX record: there is no MX endpoint to send to</source>
        <translation>{domain} 没有可用的 MX 记录：没有可发送到的 MX 终结点</translation>
    </message>
    <message>
        <source>{details} {how}</source>
        <translation>{details} {how}</translation>
    </message>
    <message>
        <source>Identified by the TLS client certificate in {path}.</source>
        <translation>通过 {path} 中的 TLS 客户端证书识别。</translation>
    </message>
    <message>
        <source>Identified by this network&apos;s public IP address (no client certificate).</source>
        <translation>通过本网络的公网 IP 地址识别（无客户端证书）。</translation>
    </message>
    <message>
        <source>not sent: {recipient} is not in the sender&apos;s domain {domain}. Direct Send only reaches the organisation&apos;s own mailboxes; Exchange Online refuses to relay anonymous mail to other domains</source>
        <translation>未发送：{recipient} 不在发件人的域 {domain} 中。直接发送只能到达本组织自己的邮箱；Exchange Online 拒绝把匿名邮件中继到其他域</translation>
    </message>
    <message>
        <source>the client certificate file {path} cannot be used: {error}; nothing was sent</source>
        <translation>无法使用客户端证书文件 {path}：{error}；未发送任何内容</translation>
    </message>
    <message>
        <source>Outbound TCP port 25 to {host} is blocked on this network: internet providers block it for home and many business lines, and firewalls often allow port 25 only from the mail server. Either send with SMTP AUTH on port 587 (smtp.office365.com), which needs no port 25, or ask the provider or firewall administrator to open outbound port 25 to Exchange Online for this device.</source>
        <translation>此网络阻止了到 {host} 的出站 TCP 25 端口：互联网服务商会对家庭和许多企业线路封锁该端口，防火墙也常常只允许邮件服务器使用 25 端口。请改用 587 端口上的 SMTP AUTH（smtp.office365.com），它不需要 25 端口；或请服务商或防火墙管理员为此设备开放到 Exchange Online 的出站 25 端口。</translation>
    </message>
    <message>
        <source>port 25 to {host} is blocked or black-holed from here: {error}</source>
        <translation>从这里到 {host} 的 25 端口被阻止或被丢弃：{error}</translation>
    </message>
    <message>
        <source>{host}:25 answers, with STARTTLS: {tls}</source>
        <translation>{host}:25 有应答，支持 STARTTLS：{tls}</translation>
    </message>
    <message>
        <source>{host} sees this network as {ip}.</source>
        <translation>{host} 看到的本网络地址是 {ip}。</translation>
    </message>
    <message>
        <source>{host} is not an Exchange Online MX host: Direct Send and connector relay go to Exchange Online only when the MX points there.</source>
        <translation>{host} 不是 Exchange Online 的 MX 主机：只有 MX 指向 Exchange Online 时，直接发送和连接器中继才会到达 Exchange Online。</translation>
    </message>
    <message>
        <source>Reject Direct Send is on for this organisation: anonymous mail from one of its own domains that matches no inbound connector is refused</source>
        <translation>此组织已启用“拒绝直接发送”：来自其自有域、且不匹配任何入站连接器的匿名邮件会被拒绝</translation>
    </message>
    <message>
        <source>Send through SMTP AUTH (smtp.office365.com:587) or through an inbound connector that matches this device (its public IP address or a TLS certificate). Only if the organisation relies on Direct Send, turn the block off: Set-OrganizationConfig -RejectDirectSend $false.</source>
        <translation>请通过 SMTP AUTH（smtp.office365.com:587）或与此设备匹配的入站连接器（其公网 IP 地址或 TLS 证书）发送。只有在组织依赖直接发送时，才关闭该阻止：Set-OrganizationConfig -RejectDirectSend $false。</translation>
    </message>
    <message>
        <source>no inbound connector of the organisation matched this connection, so Exchange Online does not relay for it (TenantAttribution; Relay Access Denied)</source>
        <translation>组织的入站连接器都不匹配此连接，因此 Exchange Online 不为其中继（TenantAttribution；Relay Access Denied）</translation>
    </message>
    <message>
        <source>Check the inbound connector (Exchange admin center &gt; Mail flow &gt; Connectors, from &apos;Your organization&apos;s email server&apos;): its sender IP addresses must include this network&apos;s public IP address, or its certificate domain (TlsSenderCertificateName) must match the name in the certificate the device presents. Mail to the organisation&apos;s own mailboxes needs no connector (Direct Send).</source>
        <translation>请检查入站连接器（Exchange 管理中心 &gt; 邮件流 &gt; 连接器，来源为“你组织的电子邮件服务器”）：其发件人 IP 地址必须包含本网络的公网 IP 地址，或其证书域（TlsSenderCertificateName）必须与设备出示的证书中的名称一致。发给本组织自有邮箱的邮件不需要连接器（直接发送）。</translation>
    </message>
    <message>
        <source>the message went to the wrong Exchange Online region or tenant: the MX host is not this domain&apos;s, or the connector that matched belongs to another tenant</source>
        <translation>邮件被发送到了错误的 Exchange Online 区域或租户：MX 主机不属于此域，或匹配的连接器属于另一个租户</translation>
    </message>
    <message>
        <source>Send to the MX host of the sender&apos;s own domain (the MX record the admin center shows under Settings &gt; Domains), not another tenant&apos;s; if the connector is in another tenant (a migration, a partner), remove it there or make its certificate or IP addresses unique to this tenant.</source>
        <translation>请发送到发件人自己域的 MX 主机（管理中心在“设置 &gt; 域”下显示的 MX 记录），而不是其他租户的；如果连接器位于另一个租户（迁移、合作伙伴），请在那里删除它，或使其证书或 IP 地址只属于此租户。</translation>
    </message>
    <message>
        <source>Exchange Online has banned this network&apos;s sending IP address (it is on Microsoft&apos;s blocked senders list)</source>
        <translation>Exchange Online 已封禁本网络的发送 IP 地址（它在 Microsoft 的阻止发件人列表中）</translation>
    </message>
    <message>
        <source>Request removal at https://sender.office.com (the delist portal), then find out why it was listed: an infected computer or an open relay on this network, or a shared address of your provider.</source>
        <translation>请在 https://sender.office.com（除名门户）申请移除，然后查明被列入的原因：本网络中受感染的计算机或开放中继，或服务商的共享地址。</translation>
    </message>
    <message>
        <source>Exchange Online does not accept traffic from this IP address (its reputation, or a new tenant&apos;s sending limits)</source>
        <translation>Exchange Online 不接受来自此 IP 地址的流量（由于其信誉，或新租户的发送限制）</translation>
    </message>
    <message>
        <source>Send from an address with a good reputation (or through SMTP AUTH); if the IP address is yours and clean, open a support request with Microsoft with the full reply.</source>
        <translation>请从信誉良好的地址发送（或通过 SMTP AUTH）；如果该 IP 地址属于你且没有问题，请附上完整回复向 Microsoft 提交支持请求。</translation>
    </message>
    <message>
        <source>Exchange Online is throttling this sender or network for now</source>
        <translation>Exchange Online 目前正在限制此发件人或网络</translation>
    </message>
    <message>
        <source>Slow down: send fewer messages and fewer connections at a time, and let the device retry later. High volumes to internal recipients belong on High Volume Email.</source>
        <translation>请放慢速度：一次发送更少的邮件、使用更少的连接，并让设备稍后重试。发给内部收件人的大量邮件应使用高容量电子邮件。</translation>
    </message>
    <message>
        <source>High Volume Email sends only to the organisation&apos;s own recipients</source>
        <translation>高容量电子邮件只发送给本组织自己的收件人</translation>
    </message>
    <message>
        <source>Send to an internal recipient, or use another method for external mail (SMTP AUTH, a connector, or Azure Communication Services).</source>
        <translation>请发送给内部收件人，或对外部邮件使用其他方式（SMTP AUTH、连接器或 Azure 通信服务）。</translation>
    </message>
    <message>
        <source>the recipient address was refused: Exchange Online knows no such mailbox in the organisation (Directory-Based Edge Blocking)</source>
        <translation>收件人地址被拒绝：Exchange Online 在组织中找不到此邮箱（基于目录的边缘阻止）</translation>
    </message>
    <message>
        <source>Check the recipient&apos;s address for a typing mistake, and that the mailbox (or a mail contact, group or alias) exists in Exchange Online; a recipient that lives elsewhere needs the domain set to Internal Relay.</source>
        <translation>请检查收件人地址是否有拼写错误，以及该邮箱（或邮件联系人、组或别名）是否存在于 Exchange Online 中；位于其他地方的收件人需要将该域设置为“内部中继”。</translation>
    </message>
    <message>
        <source>Sign in to the recipient&apos;s mailbox</source>
        <translation>登录收件人的邮箱</translation>
    </message>
    <message>
        <source>{arrived} of {count} test messages found in the mailbox</source>
        <translation>在邮箱中找到 {count} 封测试邮件中的 {arrived} 封</translation>
    </message>
    <message>
        <source>no test message was sent: no send check ran or none reached DATA</source>
        <translation>未发送测试邮件：没有运行发送检查，或没有一个到达 DATA 阶段</translation>
    </message>
    <message>
        <source>signed in as {user}</source>
        <translation>已以 {user} 身份登录</translation>
    </message>
    <message>
        <source>{found}; {method}: {summary}</source>
        <translation>{found}；{method}：{summary}</translation>
    </message>
    <message>
        <source>no server accepted a test message ({count} refused), so there is nothing to look for</source>
        <translation>没有服务器接受测试邮件（{count} 封被拒绝），因此无需查找</translation>
    </message>
    <message>
        <source>{details}
Deleted from the mailbox, as asked.</source>
        <translation>{details}
已按要求从邮箱中删除。</translation>
    </message>
    <message>
        <source>the mailbox could not be searched: {error}</source>
        <translation>无法搜索邮箱：{error}</translation>
    </message>
    <message>
        <source>Message {tag} ({method})</source>
        <translation>邮件 {tag}（{method}）</translation>
    </message>
    <message>
        <source>{seconds} s after the send</source>
        <translation>发送后 {seconds} 秒</translation>
    </message>
    <message>
        <source>no Authentication-Results header</source>
        <translation>没有 Authentication-Results 标头</translation>
    </message>
    <message>
        <source>the headers give no authentication failure; a mail flow rule, the recipient&apos;s own junk settings or the spam filter&apos;s content verdict put it there</source>
        <translation>标头中没有身份验证失败；是邮件流规则、收件人自己的垃圾邮件设置或垃圾邮件筛选的内容判定将其放在那里</translation>
    </message>
    <message>
        <source>Make the sender authenticate: publish this network&apos;s public IP in the SPF record of {domain} (or send through a connector or SMTP AUTH), sign with DKIM, and keep DMARC aligned. Do not add the sender to an allow list to hide a failing check.</source>
        <translation>让发件人通过身份验证：在 {domain} 的 SPF 记录中发布此网络的公网 IP（或通过连接器或 SMTP AUTH 发送），使用 DKIM 签名，并保持 DMARC 对齐。不要为了掩盖失败的检查而将发件人加入允许列表。</translation>
    </message>
    <message>
        <source>(found {seconds} s after the send)</source>
        <translation>（发送后 {seconds} 秒找到）</translation>
    </message>
    <message>
        <source>(the server&apos;s clock reads before the send: clocks differ; found {seconds} s after it by this computer&apos;s clock)</source>
        <translation>（服务器时钟显示的时间早于发送时间：时钟不一致；按本机时钟在发送后 {seconds} 秒找到）</translation>
    </message>
    <message>
        <source>Latency: from the server&apos;s answer to the DATA (this computer&apos;s clock) to the mailbox&apos;s arrival time (the mailbox server&apos;s clock); found {seconds} s after the send by this computer&apos;s clock alone.</source>
        <translation>延迟：从服务器对 DATA 的应答（本机时钟）到邮件到达邮箱的时间（邮箱服务器时钟）；仅按本机时钟，在发送后 {seconds} 秒找到。</translation>
    </message>
    <message>
        <source>Delivery timeline</source>
        <translation>投递时间线</translation>
    </message>
    <message>
        <source>Received: hops, oldest first</source>
        <translation>Received: 跃点（最早的在前）</translation>
    </message>
    <message>
        <source>Authentication results</source>
        <translation>身份验证结果</translation>
    </message>
    <message>
        <source>delivered to {folder} {how_long}, {hops} hops; {auth}</source>
        <translation>已投递到 {folder}，{how_long}，{hops} 个跃点；{auth}</translation>
    </message>
    <message>
        <source>SPF {result}{said}</source>
        <translation>SPF {result}{said}</translation>
    </message>
    <message>
        <source>DMARC {result} (action={action})</source>
        <translation>DMARC {result}（action={action}）</translation>
    </message>
    <message>
        <source>spam filter: SFV:{sfv} ({meaning})</source>
        <translation>垃圾邮件筛选：SFV:{sfv}（{meaning}）</translation>
    </message>
    <message>
        <source>spam confidence level {scl}</source>
        <translation>垃圾邮件可信度 {scl}</translation>
    </message>
    <message>
        <source>not in the mailbox (Inbox or Junk) {seconds} s after the test; the server had accepted it ({server_reply})</source>
        <translation>测试后 {seconds} 秒邮件仍不在邮箱中（收件箱或垃圾邮件）；服务器已接受它（{server_reply}）</translation>
    </message>
    <message>
        <source>Sent to {recipient} through {host}:{port} at {since}, tag {tag}.</source>
        <translation>于 {since} 通过 {host}:{port} 发送给 {recipient}，标记 {tag}。</translation>
    </message>
    <message>
        <source>Clock skew: {count} time stamps read earlier than the step before them (the servers&apos; and this computer&apos;s clocks differ); those delays are shown as 0.</source>
        <translation>时钟偏差：有 {count} 个时间戳早于其前一步（各服务器与本机的时钟不一致）；这些延迟显示为 0。</translation>
    </message>
    <message>
        <source>{count} older Received: headers were not read.</source>
        <translation>有 {count} 个较早的 Received: 标头未读取。</translation>
    </message>
    <message>
        <source>0 s (clock skew)</source>
        <translation>0 秒（时钟偏差）</translation>
    </message>
    <message>
        <source>delivered to the Junk folder ({folder}) {how_long}: {why}</source>
        <translation>已投递到垃圾邮件文件夹（{folder}），{how_long}：{why}</translation>
    </message>
    <message>
        <source>Send the test message (MAIL FROM, RCPT TO, DATA)</source>
        <translation>发送测试邮件（MAIL FROM、RCPT TO、DATA）</translation>
    </message>
    <message>
        <source>Sign in (SMTP AUTH)</source>
        <translation>登录（SMTP AUTH）</translation>
    </message>
    <message>
        <source>not tried: {check} failed ({summary})</source>
        <translation>未尝试：{check} 失败（{summary}）</translation>
    </message>
    <message>
        <source>From {sender} to {recipient}, subject &apos;{subject}&apos;, tag {tag} (header X-Connectivity-Assistant-Test), Message-ID {message_id}.</source>
        <translation>发件人 {sender}，收件人 {recipient}，主题“{subject}”，标记 {tag}（邮件头 X-Connectivity-Assistant-Test），Message-ID {message_id}。</translation>
    </message>
    <message>
        <source>accepted for {recipient}: {server_reply}</source>
        <translation>已为 {recipient} 接受：{server_reply}</translation>
    </message>
    <message>
        <source>{server}: the test message to {recipient} was accepted (tag {tag})</source>
        <translation>{server}：发给 {recipient} 的测试邮件已被接受（标记 {tag}）</translation>
    </message>
    <message>
        <source>{host} offers STARTTLS on port 25 to every client: when it is missing, something on the way rewrites the conversation (a firewall&apos;s SMTP inspection or &apos;fixup&apos; feature, or an antivirus mail shield). Turn that off for traffic to Exchange Online; nothing was sent.</source>
        <translation>{host} 在 25 端口上向所有客户端提供 STARTTLS：如果缺少它，说明途中有设备改写了会话（防火墙的 SMTP 检查或“fixup”功能，或防病毒软件的邮件防护）。请对发往 Exchange Online 的流量关闭该功能；未发送任何内容。</translation>
    </message>
    <message>
        <source>not sent to {recipient}: {error}</source>
        <translation>未发送给 {recipient}：{error}</translation>
    </message>
    <message>
        <source>not sent to {recipient} ({stage}): {error}</source>
        <translation>未发送给 {recipient}（{stage}）：{error}</translation>
    </message>
    <message>
        <source>not sent: {reason}</source>
        <translation>未发送：{reason}</translation>
    </message>
    <message>
        <source>If devices on this network should send as {domain}, add {term} to {domain}&apos;s SPF record (before the final all), e.g. {example}. Otherwise send with SMTP AUTH client submission or through a connector instead: until then, Direct Send and connector mail from {ip} fails SPF, and Exchange Online&apos;s composite authentication (compauth) sends it to Junk or rejects it.</source>
        <translation>如果此网络上的设备应以 {domain} 的名义发信，请把 {term} 加入 {domain} 的 SPF 记录（放在末尾的 all 之前），例如 {example}。否则请改用 SMTP AUTH 客户端提交或通过连接器发送：在此之前，从 {ip} 发出的直接发送和连接器邮件 SPF 检查失败，Exchange Online 的复合身份验证（compauth）会将其投递到垃圾邮件文件夹或拒收。</translation>
    </message>
    <message>
        <source>{ip} passes only because {domain}&apos;s SPF ends in {mechanism}, which authorises every address on the internet: anyone can send as {domain}</source>
        <translation>{ip} 之所以通过，只是因为 {domain} 的 SPF 以 {mechanism} 结尾，它授权了互联网上的所有地址：任何人都可以冒充 {domain} 发信</translation>
    </message>
    <message>
        <source>{ip} is authorised by {domain}&apos;s SPF (mechanism {mechanism})</source>
        <translation>{ip} 已获 {domain} 的 SPF 授权（机制 {mechanism}）</translation>
    </message>
    <message>
        <source>{ip} is not authorised by {domain}&apos;s SPF: the record refuses it ({mechanism}), so receivers treat mail from this network as forged</source>
        <translation>{ip} 未获 {domain} 的 SPF 授权：记录拒绝了它（{mechanism}），因此收件方会把来自此网络的邮件视为伪造</translation>
    </message>
    <message>
        <source>{ip} is not authorised by {domain}&apos;s SPF: softfail ({mechanism}); receivers accept the mail but mark it suspicious, and Exchange Online often sends it to Junk</source>
        <translation>{ip} 未获 {domain} 的 SPF 授权：软失败（{mechanism}）；收件方会接收邮件但将其标记为可疑，Exchange Online 常会将其投递到垃圾邮件文件夹</translation>
    </message>
    <message>
        <source>{domain}&apos;s SPF neither authorises nor refuses {ip} (neutral): receivers give the mail no SPF credit, and Exchange Online may send it to Junk</source>
        <translation>{domain} 的 SPF 既不授权也不拒绝 {ip}（中性）：收件方不会因 SPF 给予邮件任何信任，Exchange Online 可能将其投递到垃圾邮件文件夹</translation>
    </message>
    <message>
        <source>{domain} publishes no SPF record, so nothing authorises {ip}: receivers cannot tell mail from this network from forgeries</source>
        <translation>{domain} 未发布 SPF 记录，因此没有任何内容授权 {ip}：收件方无法区分来自此网络的邮件与伪造邮件</translation>
    </message>
    <message>
        <source>{domain}&apos;s SPF record is broken (permerror: {explanation}); receivers treat every message from it as failing SPF, whatever the IP</source>
        <translation>{domain} 的 SPF 记录有误（permerror：{explanation}）；无论来自哪个 IP，收件方都会把它的每封邮件视为 SPF 失败</translation>
    </message>
    <message>
        <source>{domain}&apos;s SPF could not be evaluated for {ip}: a DNS lookup failed (temperror: {explanation}); receivers defer or refuse mail while that lasts</source>
        <translation>无法针对 {ip} 评估 {domain} 的 SPF：一次 DNS 查询失败（temperror：{explanation}）；在此期间收件方会延迟或拒收邮件</translation>
    </message>
    <message>
        <source>the record&apos;s default</source>
        <translation>记录的默认结果</translation>
    </message>
    <message>
        <source>{lookups} of 10 DNS-querying terms used, {void} of 2 void lookups; DNS questions asked: {queries}</source>
        <translation>已使用 10 个 DNS 查询项中的 {lookups} 个，2 次空查询中的 {void} 次；发出的 DNS 查询：{queries}</translation>
    </message>
    <message>
        <source>End {domain}&apos;s SPF record with -all (or ~all) and list the senders instead: {term} for this network, include:spf.protection.outlook.com for Exchange Online.</source>
        <translation>请让 {domain} 的 SPF 记录以 -all（或 ~all）结尾，并改为列出发件方：此网络用 {term}，Exchange Online 用 include:spf.protection.outlook.com。</translation>
    </message>
    <message>
        <source>Fix {domain}&apos;s SPF record first (the dns.spf check says what is wrong), then add {term} to it if devices on this network send as {domain}.</source>
        <translation>请先修复 {domain} 的 SPF 记录（dns.spf 检查会指出问题所在），如果此网络上的设备以 {domain} 的名义发信，再把 {term} 加入其中。</translation>
    </message>
    <message>
        <source>Nothing to change for this: run the check again; if it keeps failing, make sure the DNS servers of the names in {domain}&apos;s SPF record answer (dns.spf shows the lookups).</source>
        <translation>这一点无需更改：请再次运行检查；如果仍然失败，请确认 {domain} 的 SPF 记录中各名称的 DNS 服务器能够应答（dns.spf 会显示这些查询）。</translation>
    </message>
    <message>
        <source>Publish one TXT record at {domain}: {example} (with the include only if {domain} also sends through Exchange Online). Until then, Direct Send and connector mail from {ip} gets no SPF pass, and Exchange Online&apos;s composite authentication (compauth) may send it to Junk.</source>
        <translation>请在 {domain} 发布一条 TXT 记录：{example}（仅当 {domain} 也通过 Exchange Online 发信时才保留 include）。在此之前，从 {ip} 发出的直接发送和连接器邮件得不到 SPF 通过，Exchange Online 的复合身份验证（compauth）可能将其投递到垃圾邮件文件夹。</translation>
    </message>
    <message>
        <source>SPF record of {domain}: {record}</source>
        <translation>{domain} 的 SPF 记录：{record}</translation>
    </message>
    <message>
        <source>{domain} has no SPF record</source>
        <translation>{domain} 没有 SPF 记录</translation>
    </message>
    <message>
        <source>SPF evaluation (RFC 7208 check_host)</source>
        <translation>SPF 评估（RFC 7208 check_host）</translation>
    </message>
    <message>
        <source>DNS answers used by the evaluation</source>
        <translation>评估所用的 DNS 应答</translation>
    </message>
    <message>
        <source>skipped: this run tries neither Direct Send nor connector relay; SMTP AUTH and HVE mail leaves from Microsoft&apos;s servers, which the domain&apos;s include:spf.protection.outlook.com covers</source>
        <translation>已跳过：本次运行既不尝试直接发送，也不尝试连接器中继；SMTP AUTH 和 HVE 邮件从 Microsoft 的服务器发出，域的 include:spf.protection.outlook.com 已涵盖这些服务器</translation>
    </message>
    <message>
        <source>skipped: this network&apos;s public IP address is not known</source>
        <translation>已跳过：不知道此网络的公网 IP 地址</translation>
    </message>
    <message>
        <source>Microsoft&apos;s High Volume Email endpoint</source>
        <translation>Microsoft 的高容量电子邮件终结点</translation>
    </message>
    <message>
        <source>{cloud} has no High Volume Email endpoint (Microsoft offers HVE in the worldwide service only)</source>
        <translation>{cloud} 没有高容量电子邮件终结点（Microsoft 仅在全球服务中提供 HVE）</translation>
    </message>
    <message>
        <source>signed in as {user} (AUTH {mechanism}): {server_reply}</source>
        <translation>已以 {user} 登录（AUTH {mechanism}）：{server_reply}</translation>
    </message>
    <message>
        <source>not sent: {recipient} is outside the organisation ({domains}), and High Volume Email delivers to internal recipients only</source>
        <translation>未发送：{recipient} 不在组织内（{domains}），而高容量电子邮件只投递给内部收件人</translation>
    </message>
    <message>
        <source>the server offers no password sign-in over TLS (it offers {offered})</source>
        <translation>服务器在 TLS 上不提供密码登录（它提供 {offered}）</translation>
    </message>
    <message>
        <source>HVE takes AUTH LOGIN with the HVE account&apos;s password after STARTTLS.</source>
        <translation>HVE 在 STARTTLS 之后接受使用 HVE 帐户密码的 AUTH LOGIN。</translation>
    </message>
    <message>
        <source>Devices and applications that send with a user name and password through smtp.office365.com must move to OAuth 2.0 (XOAUTH2), or to another way of sending (a connector for direct send or relay, High Volume Email, Azure Communication Services). Tenants created after December 2026 do not have it by default, and Microsoft announces the final removal date in the second half of 2027. TLS 1.0 and 1.1 are gone since {date}: such clients get 421 4.7.66.</source>
        <translation>通过 smtp.office365.com 使用用户名和密码发送邮件的设备和应用程序必须迁移到 OAuth 2.0 (XOAUTH2)，或改用其他发送方式（用于直接发送或中继的连接器、High Volume Email、Azure Communication Services）。2026 年 12 月之后创建的租户默认没有此功能，Microsoft 将在 2027 年下半年公布最终移除日期。TLS 1.0 和 1.1 自 {date} 起已停用：此类客户端会收到 421 4.7.66。</translation>
    </message>
    <message>
        <source>--sharepoint-url: no SharePoint check runs; add --checks integration.sharepoint (or integration)</source>
        <translation>--sharepoint-url：没有运行任何 SharePoint 检查；请添加 --checks integration.sharepoint（或 integration）</translation>
    </message>
    <message>
        <source>--sfb-pool: no Skype for Business check runs; add --checks integration.lync (or integration)</source>
        <translation>--sfb-pool：没有运行任何 Skype for Business 检查；请添加 --checks integration.lync（或 integration）</translation>
    </message>
    <message>
        <source>{options}: no integration check runs; add --checks integration (or integration.sharepoint, integration.lync, integration.teams)</source>
        <translation>{options}：没有运行任何集成检查；请添加 --checks integration（或 integration.sharepoint、integration.lync、integration.teams）</translation>
    </message>
    <message>
        <source>{option} {name}: that variable is not set or is empty</source>
        <translation>{option} {name}：该变量未设置或为空</translation>
    </message>
    <message>
        <source>{first} and {second} go together: give both</source>
        <translation>{first} 和 {second} 必须一起使用：请同时提供</translation>
    </message>
    <message>
        <source>{option} is empty</source>
        <translation>{option} 为空</translation>
    </message>
    <message>
        <source>--relay-cert {path}: no such file</source>
        <translation>--relay-cert {path}：没有该文件</translation>
    </message>
    <message>
        <source>--relay-cert {path}: too large for a certificate and key</source>
        <translation>--relay-cert {path}：文件太大，不像证书和密钥</translation>
    </message>
    <message>
        <source>--relay-cert {path}: no PEM certificate in the file</source>
        <translation>--relay-cert {path}：文件中没有 PEM 证书</translation>
    </message>
    <message>
        <source>--relay-cert {path}: no private key in the file (put the key after the certificate)</source>
        <translation>--relay-cert {path}：文件中没有私钥（请把密钥放在证书之后）</translation>
    </message>
    <message>
        <source>--relay-method hve needs --hve-account and --hve-password-env</source>
        <translation>--relay-method hve 需要 --hve-account 和 --hve-password-env</translation>
    </message>
    <message>
        <source>{option} {name}: the password is not valid UTF-8 text</source>
        <translation>{option} {name}：密码不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>--relay-cert {path}: the certificate and key cannot be used together ({reason}); a password-protected key is not supported</source>
        <translation>--relay-cert {path}：证书和密钥无法配合使用（{reason}）；不支持受密码保护的密钥</translation>
    </message>
    <message>
        <source>--public-ip {ip}: not an IP address</source>
        <translation>--public-ip {ip}：不是 IP 地址</translation>
    </message>
    <message>
        <source>{options}: no relay check runs; add --checks relay (or relay.* check IDs)</source>
        <translation>{options}：没有运行任何中继检查；请添加 --checks relay（或 relay.* 检查 ID）</translation>
    </message>
    <message>
        <source>--send-test-to with --domain needs --sender ADDR (who the test message is from)</source>
        <translation>--send-test-to 与 --domain 一起使用时需要 --sender ADDR（测试邮件的发件人）</translation>
    </message>
    <message>
        <source>&apos;{domain}&apos; looks like an IP address, not a domain</source>
        <translation>“{domain}”看起来是 IP 地址，而不是域</translation>
    </message>
    <message>
        <source>{where}: &apos;{port}&apos; is not a port number (1-65535)</source>
        <translation>{where}：“{port}”不是有效的端口号（1-65535）</translation>
    </message>
    <message>
        <source>nameserver &apos;{address}&apos;</source>
        <translation>DNS 服务器“{address}”</translation>
    </message>
    <message>
        <source>unknown mail protocol &apos;{protocol}&apos; (use imap, pop or smtp)</source>
        <translation>未知的邮件协议“{protocol}”（请使用 imap、pop 或 smtp）</translation>
    </message>
    <message>
        <source>proxy &apos;{proxy}&apos;: only http:// proxies are supported (HTTPS still runs end to end inside the tunnel)</source>
        <translation>代理“{proxy}”：仅支持 http:// 代理（HTTPS 仍会在隧道内端到端传输）</translation>
    </message>
    <message>
        <source>proxy: sign-in to the proxy is not supported; leave the name and password out and allow this computer through the proxy without sign-in</source>
        <translation>代理：不支持登录到代理；请省略用户名和密码，并允许这台计算机无需登录即可通过代理</translation>
    </message>
    <message>
        <source>proxy &apos;{proxy}&apos;: give it as http://host:port</source>
        <translation>代理“{proxy}”：请按 http://host:port 的格式填写</translation>
    </message>
    <message>
        <source>&apos;{domain}&apos; is not a valid domain name ({reason})</source>
        <translation>“{domain}”不是有效的域名（{reason}）</translation>
    </message>
    <message>
        <source>unknown cloud &apos;{cloud}&apos;: choose one of {names}</source>
        <translation>未知的云“{cloud}”：请从 {names} 中选择一个</translation>
    </message>
    <message>
        <source>enter an email address or a domain</source>
        <translation>请输入电子邮件地址或域</translation>
    </message>
    <message>
        <source>the address contains a control character (a line break, tab or the like); type it without one</source>
        <translation>地址中含有控制字符（换行符、制表符等）；请去掉后重新输入</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a valid email address (check the part before @)</source>
        <translation>“{address}”不是有效的电子邮件地址（请检查 @ 前面的部分）</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a valid email address (expected user@domain)</source>
        <translation>“{address}”不是有效的电子邮件地址（应为 user@domain 格式）</translation>
    </message>
    <message>
        <source>nameserver &apos;{address}&apos;: missing &apos;]&apos; (expected [IPv6] or [IPv6]:PORT)</source>
        <translation>DNS 服务器“{address}”：缺少“]”（应为 [IPv6] 或 [IPv6]:PORT）</translation>
    </message>
    <message>
        <source>nameserver &apos;{address}&apos; is not an IP address (give it as IP or IP:PORT)</source>
        <translation>DNS 服务器“{address}”不是 IP 地址（请按 IP 或 IP:PORT 的格式填写）</translation>
    </message>
    <message>
        <source>the per-check deadline must be at least the per-operation timeout</source>
        <translation>单项检查时限不得短于单次操作超时</translation>
    </message>
    <message>
        <source>nameserver &apos;{address}&apos;: expected [IPv6]:PORT</source>
        <translation>DNS 服务器“{address}”：应为 [IPv6]:PORT 格式</translation>
    </message>
    <message>
        <source>--{protocol} &apos;{server}&apos;</source>
        <translation>--{protocol}“{server}”</translation>
    </message>
    <message>
        <source>&apos;{host}&apos; is too long to be a host name</source>
        <translation>“{host}”太长，不可能是主机名</translation>
    </message>
    <message>
        <source>the host name is empty</source>
        <translation>主机名为空</translation>
    </message>
    <message>
        <source>&apos;{host}&apos; is not a valid host name</source>
        <translation>“{host}”不是有效的主机名</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; contains spaces or control characters</source>
        <translation>“{url}”包含空格或控制字符</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; names no host</source>
        <translation>“{url}”没有指明主机</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a valid URL</source>
        <translation>“{url}”不是有效的 URL</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; has an invalid port</source>
        <translation>“{url}”的端口无效</translation>
    </message>
    <message>
        <source>&apos;{host}&apos; is not a valid international host name (IDNA)</source>
        <translation>“{host}”不是有效的国际化主机名 (IDNA)</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a SharePoint site URL: give https://host/path (e.g. https://contoso.sharepoint.com/sites/team)</source>
        <translation>“{url}”不是 SharePoint 网站 URL：请提供 https://主机/路径（例如 https://contoso.sharepoint.com/sites/team）</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a usable site URL: {reason}</source>
        <translation>“{url}”不是可用的网站 URL：{reason}</translation>
    </message>
    <message>
        <source>&apos;{host}&apos; is not a host name: {reason}</source>
        <translation>“{host}”不是主机名：{reason}</translation>
    </message>
    <message>
        <source>CA bundle {path}: that is a folder, not a file</source>
        <translation>CA 证书包 {path}：这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>CA bundle {path}: that is not a regular file</source>
        <translation>CA 证书包 {path}：这不是普通文件</translation>
    </message>
    <message>
        <source>CA bundle {path}: {reason}</source>
        <translation>CA 证书包 {path}：{reason}</translation>
    </message>
    <message>
        <source>CA bundle {path}: OpenSSL could not read CA certificates from it (expected PEM certificates, each starting -----BEGIN CERTIFICATE-----)</source>
        <translation>CA 证书包 {path}：OpenSSL 无法从中读取 CA 证书（应为 PEM 格式的证书，每个以 -----BEGIN CERTIFICATE----- 开头）</translation>
    </message>
    <message>
        <source>{text}… ({count} more characters)</source>
        <translation>{text}…（另有 {count} 个字符未保留）</translation>
    </message>
    <message>
        <source>… ({count} more headers)</source>
        <translation>…（另有 {count} 个标头未保留）</translation>
    </message>
    <message>
        <source>TCP {host}:{port} connected to {address} in {ms} ms</source>
        <translation>TCP {host}:{port} 已在 {ms} 毫秒内连接到 {address}</translation>
    </message>
    <message>
        <source>could not connect to {destination}: {errors}</source>
        <translation>无法连接到 {destination}：{errors}</translation>
    </message>
    <message>
        <source>TCP {host}:{port} through the proxy {proxy} (at {address}) in {ms} ms</source>
        <translation>TCP {host}:{port} 经代理 {proxy}（位于 {address}）连接，用时 {ms} 毫秒</translation>
    </message>
    <message>
        <source>port {port} of {host} is not a TCP port number (1 to 65535)</source>
        <translation>{host} 的端口 {port} 不是 TCP 端口号（1 到 65535）</translation>
    </message>
    <message>
        <source>{address}: no answer within {seconds} s (filtered?)</source>
        <translation>{address}：{seconds} 秒内无响应（被过滤？）</translation>
    </message>
    <message>
        <source>{address}: connection refused (nothing listens on port {port})</source>
        <translation>{address}：连接被拒绝（端口 {port} 上没有服务在侦听）</translation>
    </message>
    <message>
        <source>{address}: {error}</source>
        <translation>{address}：{error}</translation>
    </message>
    <message>
        <source>not an https URL: {url}</source>
        <translation>不是 https URL：{url}</translation>
    </message>
    <message>
        <source>not an http(s) URL: {url}</source>
        <translation>不是 http(s) URL：{url}</translation>
    </message>
    <message>
        <source>{url} names a port that is not a number from 1 to 65535</source>
        <translation>{url} 中的端口不是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>{host} accepted the connection but did not answer in time</source>
        <translation>{host} 接受了连接，但未及时响应</translation>
    </message>
    <message>
        <source>HTTP exchange with {host} failed: {error}</source>
        <translation>与 {host} 的 HTTP 通信失败：{error}</translation>
    </message>
    <message>
        <source>{method} {url}</source>
        <translation>{method} {url}</translation>
    </message>
    <message>
        <source>the server sent no reply</source>
        <translation>服务器未发送应答</translation>
    </message>
    <message>
        <source>the server sent no reply within {seconds} s</source>
        <translation>服务器在 {seconds} 秒内未发送应答</translation>
    </message>
    <message>
        <source>the server announced {size} bytes of data, more than asked for</source>
        <translation>服务器声明了 {size} 字节的数据，超出了请求的大小</translation>
    </message>
    <message>
        <source>the server closed the connection in the middle of a reply</source>
        <translation>服务器在应答中途关闭了连接</translation>
    </message>
    <message>
        <source>the connection failed while waiting for a reply: {error}</source>
        <translation>等待应答时连接失败：{error}</translation>
    </message>
    <message>
        <source>Publish the MX record the Microsoft 365 admin center shows for {domain} (Settings &gt; Domains), or give an address in the sender&apos;s domain as {email}.</source>
        <translation>发布 Microsoft 365 管理中心为 {domain} 显示的 MX 记录（设置 &gt; 域），或在{email}中提供发件人域中的地址。</translation>
    </message>
    <message>
        <source>no sender: give {email} to send from</source>
        <translation>没有发件人：请提供{email}作为发件地址</translation>
    </message>
    <message>
        <source>Give a recipient in {domain} as {send_to} to test Direct Send; to reach external recipients use SMTP AUTH or an inbound connector (add the connector to {methods}).</source>
        <translation>请在{send_to}中提供 {domain} 内的收件人以测试直接发送；要发给外部收件人，请使用 SMTP AUTH 或入站连接器（将连接器加入{methods}）。</translation>
    </message>
    <message>
        <source>Give as {relay_cert} a PEM file holding the certificate (with its chain) and its private key, unencrypted; the certificate&apos;s name must be the one in the connector&apos;s TlsSenderCertificateName.</source>
        <translation>请为{relay_cert}提供一个 PEM 文件，包含证书（及其证书链）和未加密的私钥；证书名称必须与连接器的 TlsSenderCertificateName 一致。</translation>
    </message>
    <message>
        <source>no test message was sent (nothing is sent without {send_to})</source>
        <translation>未发送测试邮件（没有{send_to}就不会发送任何邮件）</translation>
    </message>
    <message>
        <source>no credentials for the mailbox of {recipient}: give {login} and {password} (or run as that mailbox)</source>
        <translation>没有 {recipient} 邮箱的凭据：请提供{login}和{password}（或以该邮箱身份运行）</translation>
    </message>
    <message>
        <source>Follow the message in the message trace: Exchange admin center &gt; Mail flow &gt; Message trace, recipient {recipient}, subject containing {tag}; or in Exchange Online PowerShell: {cmdlet}. &apos;Delivered&apos; there means look in other folders and at Inbox rules; &apos;Quarantined&apos; or &apos;FilteredAsSpam&apos; means a policy held it; &apos;Failed&apos; gives the reason; no entry at all means it never reached Exchange Online. Delivery can also just be slow: run again with more time for {wait}.</source>
        <translation>在邮件跟踪中追踪该邮件：Exchange 管理中心 &gt; 邮件流 &gt; 邮件跟踪，收件人 {recipient}，主题包含 {tag}；或在 Exchange Online PowerShell 中运行：{cmdlet}。结果为“Delivered”表示请查看其他文件夹和收件箱规则；“Quarantined”或“FilteredAsSpam”表示被策略拦截；“Failed”会给出原因；完全没有记录表示邮件从未到达 Exchange Online。投递也可能只是较慢：请为{wait}留出更多时间后再次运行。</translation>
    </message>
    <message>
        <source>not asked for in this run (see {methods})</source>
        <translation>本次运行未要求（见{methods}）</translation>
    </message>
    <message>
        <source>no test message sent: nothing is sent without {send_to}</source>
        <translation>未发送测试邮件：没有{send_to}就不会发送任何邮件</translation>
    </message>
    <message>
        <source>{ip} is not a public address: receivers on the internet see the address your firewall or NAT sends from, so give that one as {public_ip}</source>
        <translation>{ip} 不是公网地址：互联网上的接收方看到的是你的防火墙或 NAT 发出邮件时使用的地址，请将该地址作为{public_ip}提供</translation>
    </message>
    <message>
        <source>Give {public_ip}, or let relay.port25 learn it: it reads the address the MX endpoint saw, when outbound port 25 is open.</source>
        <translation>请提供{public_ip}，或让 relay.port25 获取它：出站端口 25 开放时，它会读取 MX 终结点看到的地址。</translation>
    </message>
    <message>
        <source>skipped: &apos;{ip}&apos; is not an IP address; give {public_ip} as 203.0.113.5 or 2001:db8::5</source>
        <translation>已跳过：“{ip}”不是 IP 地址；请以 203.0.113.5 或 2001:db8::5 的形式提供{public_ip}</translation>
    </message>
    <message>
        <source>no HVE account named: give {account} and {password}</source>
        <translation>未指定 HVE 帐户：请提供{account}和{password}</translation>
    </message>
    <message>
        <source>Give an internal recipient as {send_to}; for external mail use SMTP AUTH, a connector, or Azure Communication Services.</source>
        <translation>请在{send_to}中提供内部收件人；外部邮件请使用 SMTP AUTH、连接器或 Azure 通信服务。</translation>
    </message>
    <message>
        <source>{host}:{port} accepted the TCP connection but never answered (no TLS handshake or HTTP reply), so the port is open: something holds the connection. Look for a firewall or proxy that accepts and holds connections (TLS or web inspection), a load balancer with no healthy server behind it, or a hung web service (IIS, the Exchange application pool) on {host}; compare from another network.</source>
        <translation>{host}:{port} 接受了 TCP 连接却始终没有应答（没有 TLS 握手，也没有 HTTP 回复），因此端口是开放的：有东西占住了连接。请查找接受并挂起连接的防火墙或代理（TLS 或 Web 检查）、后面没有健康服务器的负载均衡器，或 {host} 上挂起的 Web 服务（IIS、Exchange 应用程序池）；并从另一个网络进行对比。</translation>
    </message>
    <message>
        <source>&apos;{rule}&apos; in {setting}: {reason}</source>
        <translation>{setting}中的“{rule}”：{reason}</translation>
    </message>
    <message>
        <source>{setting}: {reason}</source>
        <translation>{setting}：{reason}</translation>
    </message>
    <message>
        <source>&apos;{rule}&apos; in {setting}: expected HOST:PORT:HOST2:PORT2 (IPv6 addresses in brackets), e.g. mail.contoso.com:443:10.0.0.5:443</source>
        <translation>{setting}中的“{rule}”：应为 HOST:PORT:HOST2:PORT2（IPv6 地址放在方括号中），例如 mail.contoso.com:443:10.0.0.5:443</translation>
    </message>
    <message>
        <source>there is no check &apos;{name}&apos; to run again</source>
        <translation>没有可重新运行的检查“{name}”</translation>
    </message>
    <message>
        <source>cancelled while waiting on {steps}</source>
        <translation>已取消，当时正在等待：{steps}</translation>
    </message>
    <message>
        <source>TCP {host}:{port} connected to {address} (sent to {routed_to} by {setting}) in {ms} ms</source>
        <translation>TCP {host}:{port} 已在 {ms} 毫秒内连接到 {address}（由{setting}转发到 {routed_to}）</translation>
    </message>
    <message>
        <source>{host} was not converted to its ASCII (IDNA) form before connecting; not connected</source>
        <translation>{host} 在连接前未转换为 ASCII (IDNA) 形式；未连接</translation>
    </message>
    <message>
        <source>not connected: {reason}</source>
        <translation>未连接：{reason}</translation>
    </message>
    <message>
        <source>the proxy {proxy} answered {status} {reason} to CONNECT {target}</source>
        <translation>代理 {proxy} 对 CONNECT {target} 的应答为 {status} {reason}</translation>
    </message>
    <message>
        <source>the proxy {proxy} wants sign-in (407, offers {schemes}) before it opens a tunnel to {target}; this tool does not sign in to proxies: allow this computer, or the Microsoft 365 endpoints, through the proxy without sign-in</source>
        <translation>代理 {proxy} 要求先登录（407，提供 {schemes}）才会建立到 {target} 的隧道；本工具不向代理登录：请允许此计算机或 Microsoft 365 终结点无需登录即可通过代理</translation>
    </message>
    <message>
        <source>the proxy {proxy} refused a tunnel to {target} (403 {reason}): its rules block this destination; ask for the Microsoft 365 / Exchange endpoints to be allowed</source>
        <translation>代理 {proxy} 拒绝建立到 {target} 的隧道（403 {reason}）：其规则阻止了此目标；请申请放行 Microsoft 365 / Exchange 终结点</translation>
    </message>
    <message>
        <source>{proxy} is not an HTTP proxy (it answered {reply})</source>
        <translation>{proxy} 不是 HTTP 代理（其应答为 {reply}）</translation>
    </message>
    <message>
        <source>the proxy {proxy} could not be reached: {error}</source>
        <translation>无法连接到代理 {proxy}：{error}</translation>
    </message>
    <message>
        <source>the proxy {proxy} did not answer the CONNECT for {target} within {seconds} s</source>
        <translation>代理 {proxy} 未在 {seconds} 秒内应答到 {target} 的 CONNECT 请求</translation>
    </message>
    <message>
        <source>the proxy {proxy} dropped the connection: {error}</source>
        <translation>代理 {proxy} 断开了连接：{error}</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已应答</translation>
    </message>
    <message>
        <source>does not exist (NXDOMAIN)</source>
        <translation>不存在（NXDOMAIN）</translation>
    </message>
    <message>
        <source>exists but has no record of this type (NODATA)</source>
        <translation>存在，但没有此类型的记录（NODATA）</translation>
    </message>
    <message>
        <source>the DNS server failed to answer (SERVFAIL)</source>
        <translation>DNS 服务器未能应答（SERVFAIL）</translation>
    </message>
    <message>
        <source>the DNS server refused the question (REFUSED)</source>
        <translation>DNS 服务器拒绝了查询（REFUSED）</translation>
    </message>
    <message>
        <source>no answer before the deadline (timeout)</source>
        <translation>在截止时间前没有应答（超时）</translation>
    </message>
    <message>
        <source>CNAME records form a loop</source>
        <translation>CNAME 记录形成循环</translation>
    </message>
    <message>
        <source>the lookup failed</source>
        <translation>查询失败</translation>
    </message>
    <message>
        <source>{name} {rdtype}: {outcome}</source>
        <translation>{name} {rdtype}：{outcome}</translation>
    </message>
    <message>
        <source>system resolvers: none</source>
        <translation>系统解析器：无</translation>
    </message>
    <message>
        <source>{name} {rdtype}: {outcome} ({error})</source>
        <translation>{name} {rdtype}：{outcome}（{error}）</translation>
    </message>
    <message>
        <source>explicit resolvers: none</source>
        <translation>指定的解析器：无</translation>
    </message>
    <message>
        <source>system resolvers: {servers}</source>
        <translation>系统解析器：{servers}</translation>
    </message>
    <message>
        <source>no DNS servers are configured on this computer ({error})</source>
        <translation>此计算机上未配置 DNS 服务器（{error}）</translation>
    </message>
    <message>
        <source>explicit resolvers: {servers}</source>
        <translation>指定的解析器：{servers}</translation>
    </message>
    <message>
        <source>not a valid DNS name: {error}</source>
        <translation>不是有效的 DNS 名称：{error}</translation>
    </message>
    <message>
        <source>the user name contains a control character (such as a line break), which {how} cannot carry; no credentials were sent</source>
        <translation>用户名包含控制字符（例如换行符），{how} 无法传送；未发送任何凭据</translation>
    </message>
    <message>
        <source>the password contains a control character that {how} cannot carry; no credentials were sent</source>
        <translation>密码包含 {how} 无法传送的控制字符；未发送任何凭据</translation>
    </message>
    <message>
        <source>the user name is not valid Unicode text and cannot be sent as UTF-8; no credentials were sent</source>
        <translation>用户名不是有效的 Unicode 文本，无法以 UTF-8 发送；未发送任何凭据</translation>
    </message>
    <message>
        <source>the password is not valid Unicode text and cannot be sent as UTF-8; no credentials were sent</source>
        <translation>密码不是有效的 Unicode 文本，无法以 UTF-8 发送；未发送任何凭据</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number from {low} to {high}</source>
        <translation>“{value}”不是 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>{host} has no address: {error}</source>
        <translation>{host} 没有地址：{error}</translation>
    </message>
    <message>
        <source>no nameservers</source>
        <translation>没有名称服务器</translation>
    </message>
    <message>
        <source>timeout {seconds} is out of range (give 0.1 to 600 seconds)</source>
        <translation>超时 {seconds} 超出范围（请填写 0.1 到 600 秒）</translation>
    </message>
    <message>
        <source>per-check deadline {seconds} is out of range (give 0.1 to 3600 seconds)</source>
        <translation>每项检查的时限 {seconds} 超出范围（请填写 0.1 到 3600 秒）</translation>
    </message>
    <message>
        <source>the server&apos;s reply had too many lines</source>
        <translation>服务器的应答行数过多</translation>
    </message>
    <message>
        <source>the server&apos;s greeting was {server_reply}</source>
        <translation>服务器的问候语为 {server_reply}</translation>
    </message>
    <message>
        <source>EHLO was answered {server_reply}</source>
        <translation>EHLO 的应答为 {server_reply}</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS</source>
        <translation>服务器不提供 STARTTLS</translation>
    </message>
    <message>
        <source>STARTTLS was answered {server_reply}</source>
        <translation>STARTTLS 的应答为 {server_reply}</translation>
    </message>
    <message>
        <source>the server sent an over-long line</source>
        <translation>服务器发送了过长的行</translation>
    </message>
    <message>
        <source>not an SMTP reply: {server_reply}</source>
        <translation>不是 SMTP 应答：{server_reply}</translation>
    </message>
    <message>
        <source>DNS lookup of {host} did not answer within {seconds} s</source>
        <translation>{host} 的 DNS 查询在 {seconds} 秒内没有应答</translation>
    </message>
    <message>
        <source>DNS lookup of {host} did not start within {seconds} s: {count} earlier lookups have not answered yet</source>
        <translation>{host} 的 DNS 查询未能在 {seconds} 秒内开始：之前的 {count} 个查询尚未应答</translation>
    </message>
    <message>
        <source>the server did not send its intermediate certificate(s); this computer completed the chain from its own store, but other clients may reject the certificate</source>
        <translation>服务器未发送其中间证书；此计算机已从自己的证书存储中补全证书链，但其他客户端可能会拒绝该证书</translation>
    </message>
    <message>
        <source>issuer not trusted: the chain does not lead to a trusted root</source>
        <translation>颁发者不受信任：证书链无法通往受信任的根证书</translation>
    </message>
    <message>
        <source>intermediate certificate {subject} has expired (not after {date})</source>
        <translation>中间证书 {subject} 已过期（有效期至 {date}）</translation>
    </message>
    <message>
        <source>intermediate certificate {subject} is not valid yet (not before {date}); if that date has passed, check this computer&apos;s clock</source>
        <translation>中间证书 {subject} 尚未生效（生效日期 {date}）；如果该日期已过，请检查此计算机的时钟</translation>
    </message>
    <message>
        <source>intermediate certificate {subject} expires in {days} days (not after {date})</source>
        <translation>中间证书 {subject} 将在 {days} 天后过期（有效期至 {date}）</translation>
    </message>
    <message>
        <source>certificate is for {names}, not {server_name}</source>
        <translation>证书颁发给 {names}，而不是 {server_name}</translation>
    </message>
    <message>
        <source>the server did not send its intermediate certificate(s): the certificate is issued by {issuer}, which is not a trusted root, and the server sent nothing more</source>
        <translation>服务器未发送其中间证书：该证书由 {issuer} 颁发，它不是受信任的根证书，而服务器没有发送其他证书</translation>
    </message>
    <message>
        <source>certificate rejected: {error} (OpenSSL verify code {code})</source>
        <translation>证书被拒绝：{error}（OpenSSL 验证代码 {code}）</translation>
    </message>
    <message>
        <source>TLS handshake with {server_name} failed: {error}</source>
        <translation>与 {server_name} 的 TLS 握手失败：{error}</translation>
    </message>
    <message>
        <source>certificate has expired (not after {date})</source>
        <translation>证书已过期（有效期至 {date}）</translation>
    </message>
    <message>
        <source>certificate is not valid yet (not before {date}); if that date has passed, check this computer&apos;s clock</source>
        <translation>证书尚未生效（生效日期 {date}）；如果该日期已过，请检查此计算机的时钟</translation>
    </message>
    <message>
        <source>certificate expires in {days} days (not after {date})</source>
        <translation>证书将在 {days} 天后过期（有效期至 {date}）</translation>
    </message>
    <message>
        <source>intermediate certificate {subject} expires today (not after {date})</source>
        <translation>中间证书 {subject} 今天过期（有效期至 {date}）</translation>
    </message>
    <message>
        <source>intermediate certificate {subject} expires in 1 day (not after {date})</source>
        <translation>中间证书 {subject} 将在 1 天后过期（有效期至 {date}）</translation>
    </message>
    <message>
        <source>certificate names no host (no subject alternative names), not {server_name}</source>
        <translation>证书未指定任何主机（没有使用者可选名称），不适用于 {server_name}</translation>
    </message>
    <message>
        <source>certificate is for {names} and {more} more, not {server_name}</source>
        <translation>证书颁发给 {names} 及另外 {more} 个名称，而不是 {server_name}</translation>
    </message>
    <message>
        <source>a certificate in the chain has expired</source>
        <translation>证书链中的某个证书已过期</translation>
    </message>
    <message>
        <source>a certificate in the chain is not valid yet; check this computer&apos;s clock</source>
        <translation>证书链中的某个证书尚未生效；请检查此计算机的时钟</translation>
    </message>
    <message>
        <source>certificate is not for {server_name}</source>
        <translation>证书不适用于 {server_name}</translation>
    </message>
    <message>
        <source>certificate is self-signed: no trusted authority issued it</source>
        <translation>证书是自签名的：并非由受信任的颁发机构颁发</translation>
    </message>
    <message>
        <source>issuer not trusted: the chain ends at a root this computer does not trust</source>
        <translation>颁发者不受信任：证书链终止于此计算机不信任的根证书</translation>
    </message>
    <message>
        <source>certificate has been revoked by its issuer</source>
        <translation>证书已被其颁发者吊销</translation>
    </message>
    <message>
        <source>certificate is not allowed for TLS servers (key usage / extended key usage)</source>
        <translation>证书不允许用于 TLS 服务器（密钥用法/增强型密钥用法）</translation>
    </message>
    <message>
        <source>a key in the certificate chain is too small for this computer&apos;s security policy</source>
        <translation>证书链中的某个密钥长度过短，不符合此计算机的安全策略</translation>
    </message>
    <message>
        <source>the chain is signed with a digest this computer rejects as too weak (e.g. SHA-1)</source>
        <translation>证书链使用的摘要算法过弱，被此计算机拒绝（例如 SHA-1）</translation>
    </message>
    <message>
        <source>a signature in the certificate chain does not verify</source>
        <translation>证书链中的某个签名无法验证</translation>
    </message>
    <message>
        <source>a certificate in the chain acts as an issuer but is not a valid CA certificate</source>
        <translation>证书链中的某个证书充当颁发者，但不是有效的 CA 证书</translation>
    </message>
    <message>
        <source>no TLS answer from {server_name} within {seconds} s</source>
        <translation>{server_name} 在 {seconds} 秒内没有 TLS 响应</translation>
    </message>
    <message>
        <source>{server_name} closed the connection during the TLS handshake</source>
        <translation>{server_name} 在 TLS 握手期间关闭了连接</translation>
    </message>
    <message>
        <source>{server_name} reset the connection during the TLS handshake</source>
        <translation>{server_name} 在 TLS 握手期间重置了连接</translation>
    </message>
    <message>
        <source>certificate expires today (not after {date})</source>
        <translation>证书今天过期（有效期至 {date}）</translation>
    </message>
    <message>
        <source>certificate expires in 1 day (not after {date})</source>
        <translation>证书将在 1 天后过期（有效期至 {date}）</translation>
    </message>
    <message>
        <source>issuer not trusted: the chain ends at a root this computer does not trust ({root})</source>
        <translation>颁发者不受信任：证书链终止于此计算机不信任的根证书（{root}）</translation>
    </message>
    <message>
        <source>issuer not trusted: the chain does not lead to a trusted root (the last certificate sent is issued by {issuer})</source>
        <translation>颁发者不受信任：证书链无法通往受信任的根证书（服务器发送的最后一个证书由 {issuer} 颁发）</translation>
    </message>
    <message>
        <source>{server_name} did not answer in TLS: this port may expect plain text (or STARTTLS) rather than TLS from the first byte</source>
        <translation>{server_name} 未使用 TLS 响应：此端口可能要求先使用明文（或 STARTTLS），而不是从第一个字节起就使用 TLS</translation>
    </message>
    <message>
        <source>{server_name} and this computer have no TLS version in common</source>
        <translation>{server_name} 与此计算机没有共同支持的 TLS 版本</translation>
    </message>
    <message>
        <source>{server_name} refused the handshake: no cipher suite or parameters in common</source>
        <translation>{server_name} 拒绝了握手：没有共同支持的密码套件或参数</translation>
    </message>
    <message>
        <source>{server_name} uses a key too weak for this computer&apos;s security policy</source>
        <translation>{server_name} 使用的密钥过弱，不符合此计算机的安全策略</translation>
    </message>
    <message>
        <source>{server_name} asks for a client certificate</source>
        <translation>{server_name} 要求提供客户端证书</translation>
    </message>
    <message>
        <source>{server_name} does not recognise the name {server_name} it was asked for (SNI)</source>
        <translation>{server_name} 无法识别请求中的名称 {server_name}（SNI）</translation>
    </message>
    <message>
        <source>the server negotiated {protocol}; TLS 1.2 or later is required</source>
        <translation>服务器协商使用了 {protocol}；要求 TLS 1.2 或更高版本</translation>
    </message>
    <message>
        <source>certificate rejected</source>
        <translation>证书被拒绝</translation>
    </message>
    <message>
        <source>the certificate of {server_name} was not accepted: {reason}</source>
        <translation>{server_name} 的证书未被接受：{reason}</translation>
    </message>
    <message>
        <source>the certificate was not verified</source>
        <translation>证书未经验证</translation>
    </message>
    <message>
        <source>certificate {subject} is signed with {algorithm}, which current clients reject</source>
        <translation>证书 {subject} 使用 {algorithm} 签名，当前客户端会拒绝此类签名</translation>
    </message>
    <message>
        <source>the certificate&apos;s key ({key}) is too small; use 2048 bits</source>
        <translation>证书的密钥（{key}）长度过短；请使用 2048 位</translation>
    </message>
    <message>
        <source>certificate not checked: validation is off for this connection</source>
        <translation>未检查证书：此连接已关闭验证</translation>
    </message>
    <message>
        <source>certificate {position} of the {count} the server sent (SHA-256 {sha256}) could not be read ({error}); the TLS library here took it, but stricter clients may refuse it: have it reissued</source>
        <translation>服务器发送的 {count} 个证书中的第 {position} 个（SHA-256 {sha256}）无法读取（{error}）；本机的 TLS 库接受了它，但更严格的客户端可能会拒绝：请重新签发该证书</translation>
    </message>
    <message>
        <source>… ({count} more lines left out)</source>
        <translation>…（另有 {count} 行未保留）</translation>
    </message>
    <message>
        <source>the message passed composite authentication</source>
        <translation>邮件通过了复合身份验证</translation>
    </message>
    <message>
        <source>composite authentication was bypassed</source>
        <translation>已跳过复合身份验证</translation>
    </message>
    <message>
        <source>the message failed explicit authentication (DMARC fail with a quarantine or reject policy, or the sender is explicitly blocked from spoofing)</source>
        <translation>邮件未通过显式身份验证（DMARC 失败且策略为隔离或拒绝，或发件人被明确禁止仿冒）</translation>
    </message>
    <message>
        <source>the message soft-passed implicit authentication</source>
        <translation>邮件软通过了隐式身份验证</translation>
    </message>
    <message>
        <source>composite authentication was not checked</source>
        <translation>未检查复合身份验证</translation>
    </message>
    <message>
        <source>the message failed implicit authentication and the sender domain is one of the organisation&apos;s own accepted domains (intra-organisation spoofing)</source>
        <translation>邮件未通过隐式身份验证，且发件人域是本组织自己的接受域之一（组织内仿冒）</translation>
    </message>
    <message>
        <source>marked as spam by spam filtering</source>
        <translation>被垃圾邮件筛选标记为垃圾邮件</translation>
    </message>
    <message>
        <source>not spam</source>
        <translation>不是垃圾邮件</translation>
    </message>
    <message>
        <source>marked as spam before spam filtering (for example by a mail flow rule)</source>
        <translation>在垃圾邮件筛选之前被标记为垃圾邮件（例如由邮件流规则）</translation>
    </message>
    <message>
        <source>released from quarantine</source>
        <translation>已从隔离区释放</translation>
    </message>
    <message>
        <source>allowed by an allow list of the anti-spam policy</source>
        <translation>被反垃圾邮件策略的允许列表放行</translation>
    </message>
    <message>
        <source>marked as spam by a block list of the anti-spam policy</source>
        <translation>被反垃圾邮件策略的阻止列表标记为垃圾邮件</translation>
    </message>
    <message>
        <source>marked as not spam before spam filtering (for example by a mail flow rule)</source>
        <translation>在垃圾邮件筛选之前被标记为非垃圾邮件（例如由邮件流规则）</translation>
    </message>
    <message>
        <source>sent within the organisation, spam filtering skipped</source>
        <translation>组织内部发送，跳过了垃圾邮件筛选</translation>
    </message>
    <message>
        <source>allowed by the recipient&apos;s safe senders</source>
        <translation>被收件人的安全发件人列表放行</translation>
    </message>
    <message>
        <source>blocked by the recipient&apos;s blocked senders</source>
        <translation>被收件人的阻止发件人列表阻止</translation>
    </message>
    <message>
        <source>unknown relay method &apos;{method}&apos;: choose one of {names}</source>
        <translation>未知的中继方式“{method}”：请从 {names} 中选择</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not one email address: give exactly one recipient (user@domain)</source>
        <translation>“{address}”不是单个电子邮件地址：请只给出一个收件人（user@domain）</translation>
    </message>
    <message>
        <source>{flag} {path}: {problem}</source>
        <translation>{flag} {path}：{problem}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>not looked up</source>
        <translation>未查询</translation>
    </message>
    <message>
        <source>secrets masked; identities kept</source>
        <translation>机密已遮蔽；身份信息保留</translation>
    </message>
    <message>
        <source>{created} (local time {local})</source>
        <translation>{created}（本地时间 {local}）</translation>
    </message>
    <message>
        <source>explicit: {servers}</source>
        <translation>指定：{servers}</translation>
    </message>
    <message>
        <source>secrets masked; mailbox names, people, internal hosts and IPs replaced</source>
        <translation>机密已遮蔽；邮箱名称、人员、内部主机和 IP 已替换</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云环境</translation>
    </message>
    <message>
        <source>Overall verdict</source>
        <translation>总体结论</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>DNS resolvers</source>
        <translation>DNS 解析器</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Public IP</source>
        <translation>公网 IP</translation>
    </message>
    <message>
        <source>Checks run</source>
        <translation>已运行的检查</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>脱敏</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>{mode}: {servers}</source>
        <translation>{mode}：{servers}</translation>
    </message>
    <message>
        <source>configured {proxy}</source>
        <translation>已配置 {proxy}</translation>
    </message>
    <message>
        <source> (asked for: {checks})</source>
        <translation>（要求运行：{checks}）</translation>
    </message>
    <message>
        <source> — cancelled before the end</source>
        <translation> — 在结束前已取消</translation>
    </message>
    <message>
        <source>Connectivity report: {name}</source>
        <translation>连接性报告：{name}</translation>
    </message>
    <message>
        <source>Connectivity report</source>
        <translation>连接性报告</translation>
    </message>
    <message>
        <source>{count} checks</source>
        <translation>{count} 项检查</translation>
    </message>
    <message>
        <source>checks by verdict</source>
        <translation>按结论统计的检查</translation>
    </message>
    <message>
        <source>Connectivity report {name}</source>
        <translation>连接性报告 {name}</translation>
    </message>
    <message>
        <source>About this run</source>
        <translation>关于本次运行</translation>
    </message>
    <message>
        <source>What to do first</source>
        <translation>首先要做的事</translation>
    </message>
    <message>
        <source>Made by Connectivity Assistant {version}. Report format {format} version {format_version}. Passwords, tokens, Authorization headers, SASL data and cookies are never included.</source>
        <translation>由 Connectivity Assistant {version} 生成。报告格式 {format}，版本 {format_version}。报告中绝不包含密码、令牌、Authorization 标头、SASL 数据和 Cookie。</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <source>Nothing failed or needs a change.</source>
        <translation>没有失败项，也没有需要更改的地方。</translation>
    </message>
    <message>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>What to change:</source>
        <translation>需要更改：</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>the folder {folder} cannot be written to</source>
        <translation>无法写入文件夹 {folder}</translation>
    </message>
    <message>
        <source>the file name is too long (at most {limit} bytes here)</source>
        <translation>文件名过长（此处最多 {limit} 字节）</translation>
    </message>
    <message>
        <source>the path is too long (at most {limit} bytes here)</source>
        <translation>路径过长（此处最多 {limit} 字节）</translation>
    </message>
    <message>
        <source>that is a folder, not a file name</source>
        <translation>这是文件夹，不是文件名</translation>
    </message>
    <message>
        <source>that is a symbolic link; name the file itself or a new file</source>
        <translation>这是符号链接；请指定文件本身或一个新文件</translation>
    </message>
    <message>
        <source>that is not a regular file (a device, pipe or socket); name a new file</source>
        <translation>这不是普通文件（而是设备、管道或套接字）；请指定一个新文件</translation>
    </message>
    <message>
        <source>the folder {folder}: {reason}</source>
        <translation>文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>{setting}: {seconds} seconds is out of range (give {low:g} to {high:g} seconds)</source>
        <translation>{setting}：{seconds} 秒超出范围（请提供 {low:g} 到 {high:g} 秒）</translation>
    </message>
    <message>
        <source>unknown word &apos;{word}&apos; in {setting}: use {words} (each may start with no-), or volume=N</source>
        <translation>{setting}中有未知的词“{word}”：请使用 {words}（每个都可以加 no- 前缀），或 volume=N</translation>
    </message>
    <message>
        <source>volume={number} in {setting}: give a whole number</source>
        <translation>{setting}中的 volume={number}：请提供整数</translation>
    </message>
    <message>
        <source>Connectivity report {name} · {created} · page {page}/{pages}</source>
        <translation>连接性报告 {name} · {created} · 第 {page}/{pages} 页</translation>
    </message>
    <message>
        <source>overall · {count} checks ({tally})</source>
        <translation>总体 · {count} 项检查（{tally}）</translation>
    </message>
    <message>
        <source>… {count} more lines in the JSON report</source>
        <translation>… JSON 报告中还有 {count} 行</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>SKIP</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>STOPPED</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>the check itself failed: {exception}</source>
        <translation>检查本身出错：{exception}</translation>
    </message>
    <message>
        <source>A fault in this tool, not a finding about what was tested. The run log (in the support bundle) holds the details; please report it.</source>
        <translation>这是本工具的故障，不是对被测对象的结论。运行日志（在支持包中）记录了详细信息；请报告此问题。</translation>
    </message>
    <message>
        <source>ran out of time</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>the check itself failed: {exception}: {error}</source>
        <translation>检查本身出错：{exception}: {error}</translation>
    </message>
    <message>
        <source>did not finish within its {seconds} s deadline; stopped</source>
        <translation>未在 {seconds} 秒的期限内完成；已停止</translation>
    </message>
    <message>
        <source>A network operation kept waiting. The other checks went on.</source>
        <translation>某个网络操作一直在等待。其他检查继续进行。</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>EWS API version</source>
        <translation>EWS API 版本</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>DNSSEC-validated</source>
        <translation>已通过 DNSSEC 验证</translation>
    </message>
    <message>
        <source>Body size (bytes)</source>
        <translation>正文大小（字节）</translation>
    </message>
    <message>
        <source>Body (start)</source>
        <translation>正文（开头）</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选项</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>证书链</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>密码套件</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Cloud instance</source>
        <translation>云实例</translation>
    </message>
    <message>
        <source>CNAME chain</source>
        <translation>CNAME 链</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connected instead to</source>
        <translation>实际连接到</translation>
    </message>
    <message>
        <source>Request IDs</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>Credentials sent to</source>
        <translation>凭据发送至</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>域</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>用时（毫秒）</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>电子邮件地址</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>EWS URL</source>
        <translation>EWS URL</translation>
    </message>
    <message>
        <source>Other settings</source>
        <translation>其他设置</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>标头</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Name matches</source>
        <translation>名称匹配</translation>
    </message>
    <message>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <source>Intermediate certificates sent</source>
        <translation>已发送中间证书</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>证书颁发机构</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Sign-in host</source>
        <translation>登录主机</translation>
    </message>
    <message>
        <source>MAPI mailbox URL</source>
        <translation>MAPI 邮箱 URL</translation>
    </message>
    <message>
        <source>MAPI address book URL</source>
        <translation>MAPI 通讯簿 URL</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Offline address book URL</source>
        <translation>脱机通讯簿 URL</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>POP</source>
        <translation>POP</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Names (SAN)</source>
        <translation>名称（SAN）</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Self-signed</source>
        <translation>自签名</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>服务器名称</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Signature algorithm</source>
        <translation>签名算法</translation>
    </message>
    <message>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>租户 ID</translation>
    </message>
    <message>
        <source>Truncated</source>
        <translation>已截断</translation>
    </message>
    <message>
        <source>Trusted domains</source>
        <translation>受信任的域</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Certificate trusted</source>
        <translation>证书受信任</translation>
    </message>
    <message>
        <source>Why not trusted</source>
        <translation>不受信任的原因</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>终结点</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>跃点</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Sign-in schemes</source>
        <translation>登录方案</translation>
    </message>
    <message>
        <source>Protocol used</source>
        <translation>使用的协议</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
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
        <source>Support bundle (*.zip)</source>
        <translation>支持包 (*.zip)</translation>
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
        <source>Write the HTML and PDF in &amp;English (for support)</source>
        <translation>用英文写入 HTML 和 PDF（供支持人员阅读）(&amp;E)</translation>
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
        <source>Save &amp;support bundle (.zip)…</source>
        <translation>保存支持包 (.zip)(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the report as a support bundle (one .zip file)</source>
        <translation>将报告保存为支持包（一个 .zip 文件）</translation>
    </message>
    <message>
        <source>HTML reports come in a later version.</source>
        <translation>HTML 报告将在后续版本中提供。</translation>
    </message>
    <message>
        <source>Saved to %1, with placeholders for names, hosts and IPs</source>
        <translation>已保存到 %1，名称、主机名和 IP 已替换为占位符</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>%1 files saved:</source>
        <translation>已保存 %1 个文件：</translation>
    </message>
    <message>
        <source>A report support can act on. Passwords are never in it.</source>
        <translation>一份技术支持可以据此处理的报告。其中绝不包含密码。</translation>
    </message>
    <message>
        <source>The report holds every check, its evidence and the remedies. Save it as:</source>
        <translation>报告包含每项检查、其证据和修复建议。可保存为：</translation>
    </message>
    <message>
        <source>The JSON report holds every check, its evidence and the remedies. Open it here again later, or send it to whoever helps you.</source>
        <translation>JSON 报告包含每项检查、其证据和修复建议。以后可以在这里再次打开，也可以发给为您提供帮助的人。</translation>
    </message>
    <message>
        <source>JSON: the whole report; it opens here again later.</source>
        <translation>JSON：完整报告，以后可以在这里再次打开。</translation>
    </message>
    <message>
        <source>Web page (HTML): opens in any browser, easy to read and to send.</source>
        <translation>网页 (HTML)：可在任何浏览器中打开，便于阅读和发送。</translation>
    </message>
    <message>
        <source>PDF: a document to print or to attach to a ticket.</source>
        <translation>PDF：便于打印或附加到支持工单的文档。</translation>
    </message>
    <message>
        <source>Support bundle (.zip): the JSON, the web page, the run log and a manifest with checksums.</source>
        <translation>支持包 (.zip)：JSON、网页、运行日志，以及带校验和的清单。</translation>
    </message>
    <message>
        <source>Support bundle (.zip): the JSON, the web page and a manifest with checksums (no run log: this report was opened from a file).</source>
        <translation>支持包 (.zip)：JSON、网页，以及带校验和的清单（没有运行日志：此报告是从文件打开的）。</translation>
    </message>
    <message>
        <source>&amp;Replace names, people, internal hosts and IPs with placeholders</source>
        <translation>用占位符替换邮箱名、人名、内部主机名和 IP(&amp;R)</translation>
    </message>
    <message>
        <source>For every file saved here. Each name always gets the same placeholder within a file (user1, Person 1, host1…), so support can still follow it.</source>
        <translation>适用于在此保存的每个文件。在同一文件中，同一名称始终替换为同一占位符（user1、Person 1、host1…），因此技术支持仍能看懂。</translation>
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
    <name>FirstActions</name>
    <message>
        <source>%1. %2: %3</source>
        <translation>%1. %2：%3</translation>
    </message>
    <message>
        <source>What to do &amp;first</source>
        <translation>首先要做的事(&amp;F)</translation>
    </message>
    <message>
        <source>What to do first</source>
        <translation>首先要做的事</translation>
    </message>
    <message>
        <source>What to do first, most important first</source>
        <translation>首先要做的事，最重要的在前</translation>
    </message>
</context>
<context>
    <name>IntegrationPage</name>
    <message>
        <source>Tick at least one product, or go back and untick this area.</source>
        <translation>请至少勾选一个产品，或返回并取消勾选此区域。</translation>
    </message>
    <message>
        <source>SharePoint, Lync/Skype for Business and Teams</source>
        <translation>SharePoint、Lync/Skype for Business 和 Teams</translation>
    </message>
    <message>
        <source>Which of these run next to Exchange? Only their checks run; the others are skipped.</source>
        <translation>哪些产品与 Exchange 一起运行？只运行它们的检查，其余的将跳过。</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>&amp;Run diagnosis</source>
        <translation>运行诊断(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;SharePoint (Online or Server)</source>
        <translation>SharePoint（Online 或 Server）(&amp;S)</translation>
    </message>
    <message>
        <source>The site&apos;s certificate and the tenant in its OAuth challenge, and the Exchange auth metadata SharePoint Server trusts: without them, Exchange tasks, eDiscovery and site mailboxes in SharePoint fail.</source>
        <translation>网站的证书及其 OAuth 质询中的租户，以及 SharePoint Server 信任的 Exchange 身份验证元数据：缺少它们时，SharePoint 中的 Exchange 任务、电子数据展示和网站邮箱都会失败。</translation>
    </message>
    <message>
        <source>&amp;Lync / Skype for Business Server</source>
        <translation>Lync / Skype for Business Server(&amp;L)</translation>
    </message>
    <message>
        <source>The autodiscover service and EWS it reads out-of-office and calendar data through, its DNS records and lyncdiscover&apos;s certificate: without them, presence, calendar and IM in Outlook on the web break.</source>
        <translation>它读取外出和日历数据所经由的自动发现服务和 EWS、它的 DNS 记录以及 lyncdiscover 的证书：缺少它们时，Outlook 网页版中的状态、日历和即时消息将无法使用。</translation>
    </message>
    <message>
        <source>&amp;Teams with Exchange Server mailboxes</source>
        <translation>使用 Exchange Server 邮箱的 Teams(&amp;T)</translation>
    </message>
    <message>
        <source>Autodiscover v2, EWS published with an OAuth challenge, and the Exchange build: without them, Teams cannot show the calendar or schedule meetings for on-premises mailboxes.</source>
        <translation>自动发现 v2、带 OAuth 质询发布的 EWS，以及 Exchange 版本：缺少它们时，Teams 无法为本地邮箱显示日历或安排会议。</translation>
    </message>
    <message>
        <source>Site &amp;URL:</source>
        <translation>网站 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>https://contoso.sharepoint.com/sites/team</source>
        <translation>https://contoso.sharepoint.com/sites/team</translation>
    </message>
    <message>
        <source>SharePoint site URL</source>
        <translation>SharePoint 网站 URL</translation>
    </message>
    <message>
        <source>Leave it empty to skip the site itself and check only Exchange&apos;s side.</source>
        <translation>留空则跳过网站本身，只检查 Exchange 一侧。</translation>
    </message>
    <message>
        <source>&amp;Pool web name (optional):</source>
        <translation>池 Web 名称（可选）(&amp;P)：</translation>
    </message>
    <message>
        <source>webext.contoso.com</source>
        <translation>webext.contoso.com</translation>
    </message>
    <message>
        <source>External web services name of the Skype for Business pool</source>
        <translation>Skype for Business 池的外部 Web 服务名称</translation>
    </message>
    <message>
        <source>These checks are anonymous: they read what the servers show anyone (OAuth challenges, metadata, DNS) and send no credentials.</source>
        <translation>这些检查是匿名的：它们只读取服务器向任何人公开的内容（OAuth 质询、元数据、DNS），不发送任何凭据。</translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message>
        <source>Quit while the diagnosis runs?</source>
        <translation>诊断运行时退出？</translation>
    </message>
    <message>
        <source>The diagnosis is still running. Stop it and quit?</source>
        <translation>诊断仍在运行。要停止它并退出吗？</translation>
    </message>
    <message>
        <source>Nothing is saved. To keep what has finished, choose Keep running, then Cancel run: the results show the checks that finished.</source>
        <translation>不会保存任何内容。若要保留已完成的部分，请选择“继续运行”，然后点“取消运行”：结果页会显示已完成的检查。</translation>
    </message>
    <message>
        <source>&amp;Stop and quit</source>
        <translation>停止并退出(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation>继续运行(&amp;K)</translation>
    </message>
</context>
<context>
    <name>RelayMethods</name>
    <message>
        <source>There is no file %1.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>Client certificate for connector relay</source>
        <translation>连接器中继的客户端证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Methods to try:</source>
        <translation>要尝试的方法：</translation>
    </message>
    <message>
        <source>SMTP AUTH client submission (port 587)</source>
        <translation>SMTP AUTH 客户端提交（587 端口）</translation>
    </message>
    <message>
        <source>Direct Send (MX endpoint, port 25, no sign-in)</source>
        <translation>直接发送（MX 终结点，25 端口，无需登录）</translation>
    </message>
    <message>
        <source>SMTP relay through a connector (port 25)</source>
        <translation>通过连接器的 SMTP 中继（25 端口）</translation>
    </message>
    <message>
        <source>High Volume Email (smtp-hve.office365.com)</source>
        <translation>大容量电子邮件 (smtp-hve.office365.com)</translation>
    </message>
    <message>
        <source>HVE &amp;account:</source>
        <translation>HVE 帐户(&amp;A)：</translation>
    </message>
    <message>
        <source>High Volume Email account</source>
        <translation>大容量电子邮件帐户</translation>
    </message>
    <message>
        <source>HVE pass&amp;word:</source>
        <translation>HVE 密码(&amp;W)：</translation>
    </message>
    <message>
        <source>High Volume Email password</source>
        <translation>大容量电子邮件密码</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>客户端证书(&amp;C)：</translation>
    </message>
    <message>
        <source>optional: a PEM file with the key</source>
        <translation>可选：含私钥的 PEM 文件</translation>
    </message>
    <message>
        <source>Client certificate file for connector relay</source>
        <translation>连接器中继的客户端证书文件</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>浏览(&amp;O)…</translation>
    </message>
    <message>
        <source>Choose the client certificate file</source>
        <translation>选择客户端证书文件</translation>
    </message>
</context>
<context>
    <name>RelayPage</name>
    <message>
        <source>the recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Send a test message to %1 now</source>
        <translation>现在向 %1 发送测试邮件</translation>
    </message>
    <message>
        <source>Type a recipient to send a test message. Without one, the relay checks only test port 25 and SPF, and advise.</source>
        <translation>输入收件人才能发送测试邮件。没有收件人时，中继检查只测试 25 端口和 SPF，并给出建议。</translation>
    </message>
    <message>
        <source>One tagged test message per method ticked above goes to %1.</source>
        <translation>上面勾选的每种方法各发送一封带标记的测试邮件到 %1。</translation>
    </message>
    <message>
        <source>Nothing is sent unless this is ticked: the relay checks then only test port 25 and SPF, and advise.</source>
        <translation>不勾选此项就不会发送任何内容：中继检查只测试 25 端口和 SPF，并给出建议。</translation>
    </message>
    <message>
        <source>The recipient is the mailbox you signed in to: the round trip reads it with that sign-in.</source>
        <translation>收件人就是您登录的邮箱：往返测试使用该登录读取它。</translation>
    </message>
    <message>
        <source>To prove delivery, give a login for the recipient&apos;s mailbox (IMAP). Leave it empty to skip the round trip.</source>
        <translation>要证明已送达，请提供收件人邮箱的登录信息 (IMAP)。留空则跳过往返测试。</translation>
    </message>
    <message>
        <source>Run and &amp;send</source>
        <translation>运行并发送(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Run diagnosis</source>
        <translation>运行诊断(&amp;R)</translation>
    </message>
    <message>
        <source>Relay test send</source>
        <translation>中继测试发送</translation>
    </message>
    <message>
        <source>What the device can do, the advice for it, and the test message.</source>
        <translation>设备的能力、针对它的建议，以及测试邮件。</translation>
    </message>
    <message>
        <source>What the device can do</source>
        <translation>设备能做什么</translation>
    </message>
    <message>
        <source>Advice (nothing has been sent)</source>
        <translation>建议（尚未发送任何内容）</translation>
    </message>
    <message>
        <source>Advice for this device</source>
        <translation>针对此设备的建议</translation>
    </message>
    <message>
        <source>The test message</source>
        <translation>测试邮件</translation>
    </message>
    <message>
        <source>S&amp;ender:</source>
        <translation>发件人(&amp;E)：</translation>
    </message>
    <message>
        <source>Sender of the test message</source>
        <translation>测试邮件的发件人</translation>
    </message>
    <message>
        <source>Reci&amp;pient:</source>
        <translation>收件人(&amp;P)：</translation>
    </message>
    <message>
        <source>Ma&amp;ilbox password:</source>
        <translation>邮箱密码(&amp;I)：</translation>
    </message>
    <message>
        <source>Wai&amp;t at most:</source>
        <translation>最长等待(&amp;T)：</translation>
    </message>
    <message>
        <source>someone@contoso.com</source>
        <translation>someone@contoso.com</translation>
    </message>
    <message>
        <source>Recipient of the test message</source>
        <translation>测试邮件的收件人</translation>
    </message>
    <message>
        <source>Proof of delivery</source>
        <translation>送达证明</translation>
    </message>
    <message>
        <source>Mailbox &amp;login:</source>
        <translation>邮箱登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>Login of the recipient&apos;s mailbox</source>
        <translation>收件人邮箱的登录名</translation>
    </message>
    <message>
        <source>Password of the recipient&apos;s mailbox</source>
        <translation>收件人邮箱的密码</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Seconds to wait for the message</source>
        <translation>等待邮件的秒数</translation>
    </message>
    <message>
        <source>&amp;Delete the test message once found</source>
        <translation>找到后删除测试邮件(&amp;D)</translation>
    </message>
</context>
<context>
    <name>RelayTimeline</name>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted by the server</source>
        <translation>服务器已接受</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Hop: %1</source>
        <translation>跃点：%1</translation>
    </message>
    <message>
        <source>unknown host</source>
        <translation>未知主机</translation>
    </message>
    <message>
        <source>in the folder %1</source>
        <translation>位于文件夹 %1</translation>
    </message>
    <message>
        <source>this server&apos;s clock disagrees; its delay is a guess</source>
        <translation>此服务器的时钟不一致；其延迟为估计值</translation>
    </message>
    <message>
        <source>↓ after %1 s</source>
        <translation>↓ %1 秒后</translation>
    </message>
    <message>
        <source>The test message was not seen in the mailbox.</source>
        <translation>邮箱中未见到测试邮件。</translation>
    </message>
    <message>
        <source>The test message arrived.</source>
        <translation>测试邮件已到达。</translation>
    </message>
    <message>
        <source>The test message arrived in %1 s.</source>
        <translation>测试邮件在 %1 秒内到达。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>SMTP AUTH client submission</source>
        <translation>SMTP AUTH 客户端提交</translation>
    </message>
    <message>
        <source>Direct Send</source>
        <translation>直接发送</translation>
    </message>
    <message>
        <source>Connector relay</source>
        <translation>连接器中继</translation>
    </message>
    <message>
        <source>High Volume Email</source>
        <translation>大容量电子邮件</translation>
    </message>
    <message>
        <source>Delivery timeline</source>
        <translation>送达时间线</translation>
    </message>
</context>
<context>
    <name>RerunBar</name>
    <message>
        <source>Run check a&amp;gain</source>
        <translation>重新运行此检查(&amp;G)</translation>
    </message>
    <message>
        <source>Run a&amp;rea again</source>
        <translation>重新运行此区域(&amp;R)</translation>
    </message>
    <message>
        <source>Run the selected check again</source>
        <translation>重新运行所选检查</translation>
    </message>
    <message>
        <source>Run the selected check&apos;s area again</source>
        <translation>重新运行所选检查所在区域的全部检查</translation>
    </message>
    <message>
        <source>Runs “%1” again; every other result is kept.</source>
        <translation>重新运行“%1”；其他结果全部保留。</translation>
    </message>
    <message>
        <source>Runs every %1 check again; the other results are kept.</source>
        <translation>重新运行“%1”的全部检查；其他结果保留。</translation>
    </message>
    <message>
        <source>Run again at %1 was cancelled; earlier results kept for %2.</source>
        <translation>%1 的重新运行已取消；以下检查保留之前的结果：%2。</translation>
    </message>
    <message>
        <source>Run again at %1 was cancelled.</source>
        <translation>%1 的重新运行已取消。</translation>
    </message>
    <message>
        <source>Ran again at %1: %2.</source>
        <translation>已于 %1 重新运行：%2。</translation>
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
        <source>Ne&amp;w diagnosis</source>
        <translation>新的诊断(&amp;W)</translation>
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
        <source>Waiting for the sign-in in your browser…</source>
        <translation>正在等待浏览器中的登录…</translation>
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
    <name>SettingLabels</name>
    <message>
        <source>Email address, on What to diagnose</source>
        <translation>“诊断对象”页上的“电子邮件地址”</translation>
    </message>
    <message>
        <source>Environment, on What to diagnose</source>
        <translation>“诊断对象”页上的“环境”</translation>
    </message>
    <message>
        <source>Tenant, on Sign-in</source>
        <translation>“登录”页上的“租户”</translation>
    </message>
    <message>
        <source>Mailbox, on Sign-in</source>
        <translation>“登录”页上的“邮箱”</translation>
    </message>
    <message>
        <source>the choices on Sign-in</source>
        <translation>“登录”页上的选项</translation>
    </message>
    <message>
        <source>Client ID, on Sign-in</source>
        <translation>“登录”页上的“客户端 ID”</translation>
    </message>
    <message>
        <source>Client secret, on Sign-in</source>
        <translation>“登录”页上的“客户端密码”</translation>
    </message>
    <message>
        <source>Certificate file, on Sign-in</source>
        <translation>“登录”页上的“证书文件”</translation>
    </message>
    <message>
        <source>PFX password, on Sign-in</source>
        <translation>“登录”页上的“PFX 密码”</translation>
    </message>
    <message>
        <source>Connect-to overrides, in Advanced options</source>
        <translation>“高级选项”中的“连接重定向”</translation>
    </message>
    <message>
        <source>DNS servers, in Advanced options</source>
        <translation>“高级选项”中的“DNS 服务器”</translation>
    </message>
    <message>
        <source>Site URL, on the integration page</source>
        <translation>集成页上的“站点 URL”</translation>
    </message>
    <message>
        <source>Recipient, on Relay test send</source>
        <translation>“中继测试发送”页上的“收件人”</translation>
    </message>
    <message>
        <source>Methods to try, on Relay test send</source>
        <translation>“中继测试发送”页上的“要尝试的方式”</translation>
    </message>
    <message>
        <source>Client certificate, on Relay test send</source>
        <translation>“中继测试发送”页上的“客户端证书”</translation>
    </message>
    <message>
        <source>HVE account, on Relay test send</source>
        <translation>“中继测试发送”页上的“HVE 帐户”</translation>
    </message>
    <message>
        <source>HVE password, on Relay test send</source>
        <translation>“中继测试发送”页上的“HVE 密码”</translation>
    </message>
    <message>
        <source>Mailbox login, on Relay test send</source>
        <translation>“中继测试发送”页上的“邮箱登录名”</translation>
    </message>
    <message>
        <source>Mailbox password, on Relay test send</source>
        <translation>“中继测试发送”页上的“邮箱密码”</translation>
    </message>
    <message>
        <source>Wait at most, on Relay test send</source>
        <translation>“中继测试发送”页上的“最长等待”</translation>
    </message>
    <message>
        <source>What the device can do, on Relay test send</source>
        <translation>“中继测试发送”页上的“设备能力”</translation>
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
        <source>OAuth 2.0 (brows&amp;er): sign in at Microsoft in this computer&apos;s browser</source>
        <translation>OAuth 2.0（浏览器）：在本机浏览器中登录 Microsoft(&amp;E)</translation>
    </message>
    <message>
        <source>No sign-&amp;in: anonymous checks only</source>
        <translation>不登录：仅运行匿名检查(&amp;I)</translation>
    </message>
    <message>
        <source>OAuth 2.0 (&amp;app-only, client credentials): the application signs in itself</source>
        <translation>OAuth 2.0（仅应用，客户端凭据）：由应用程序自行登录(&amp;A)</translation>
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
        <source>&lt;b&gt;Where you sign in:&lt;/b&gt; on Microsoft&apos;s sign-in page (%1), in this computer&apos;s browser, which hands the sign-in back to this program at http://localhost. This program never sees your password.</source>
        <translation>&lt;b&gt;在哪里登录：&lt;/b&gt;在本机浏览器中的 Microsoft 登录页面（%1），浏览器随后通过 http://localhost 将登录结果交回本程序。本程序永远不会看到您的密码。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where you sign in:&lt;/b&gt; on Microsoft&apos;s sign-in page (%1), in any browser. This program never sees your password.</source>
        <translation>&lt;b&gt;在哪里登录：&lt;/b&gt;在任意浏览器中的 Microsoft 登录页面（%1）。本程序永远不会看到您的密码。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where the secret goes:&lt;/b&gt; the client secret or the certificate is used only to ask %1 for a token, over HTTPS. A secret is sent there and nowhere else; a certificate&apos;s private key never leaves this computer (it signs the request).</source>
        <translation>&lt;b&gt;客户端密码或证书用在哪里：&lt;/b&gt;仅用于通过 HTTPS 向 %1 申请令牌。客户端密码只发送到那里，不会发送到其他任何地方；证书的私钥绝不会离开本机（它只用于对请求签名）。</translation>
    </message>
    <message>
        <source>The secret, the PFX password, the key and the token are kept in memory for this run only: never saved, and never written to the log, the report or the settings. Only the client ID, tenant, mailbox and the certificate file&apos;s location are remembered.</source>
        <translation>客户端密码、PFX 密码、私钥和令牌仅在本次运行期间保存在内存中：绝不保存，也绝不写入日志、报告或设置。只会记住客户端 ID、租户、邮箱和证书文件的位置。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where the tokens go:&lt;/b&gt; the sign-in happens only with %1; the access token goes only over HTTPS to the mailbox&apos;s endpoints, in %2 or Microsoft&apos;s own%3, never to any other host.</source>
        <translation>&lt;b&gt;令牌会发送到哪里：&lt;/b&gt;登录只与 %1 进行；访问令牌仅通过 HTTPS 发送到邮箱的终结点，即 %2 中的主机或 Microsoft 自己的终结点%3，绝不会发送到其他任何主机。</translation>
    </message>
    <message>
        <source>The Application (client) ID of your organisation&apos;s app registration (a public client with the Exchange permissions, and the redirect URI http://localhost for the browser sign-in). Tenant: optional; the mailbox&apos;s domain when empty, or a tenant ID.</source>
        <translation>贵组织应用注册的应用程序（客户端）ID（具有 Exchange 权限的公共客户端；浏览器登录还需要重定向 URI http://localhost）。租户：可选；留空时使用邮箱的域，也可填写租户 ID。</translation>
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
        <source>Copy &amp;details</source>
        <translation>复制详细信息(&amp;D)</translation>
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
        <source>IMAP and POP are played by a small built-in responder, as Dovecot is not installed here.</source>
        <translation>此计算机未安装 Dovecot，IMAP 和 POP 由一个小型内置应答程序扮演。</translation>
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
