<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Go back (Alt+Left)</source>
        <translation>后退（Alt+←）</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Go forward (Alt+Right)</source>
        <translation>前进（Alt+→）</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>The library's home page (Alt+Home)</source>
        <translation>资料库首页（Alt+Home）</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大字号</translation>
    </message>
    <message>
        <source>Larger text (Ctrl+=)</source>
        <translation>放大字号（Ctrl+=）</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>缩小字号</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>缩小字号（Ctrl+-）</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>默认字号</translation>
    </message>
    <message>
        <source>Normal text size (Ctrl+0)</source>
        <translation>恢复默认字号（Ctrl+0）</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Quit HealthReader</source>
        <translation>退出健康阅读器</translation>
    </message>
    <message>
        <source>About HealthReader</source>
        <translation>关于健康阅读器</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Some library files have problems and were skipped or shown in part:</source>
        <translation>资料库中有些文件存在问题，已跳过或只显示了部分内容：</translation>
    </message>
    <message>
        <source>…and %1 more (see the log).</source>
        <translation>……另有 %1 个问题（详见日志）。</translation>
    </message>
</context>
<context>
    <name>EntryViewer</name>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
</context>
<context>
    <name>InfoBar</name>
    <message>
        <source>Copy address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HealthReader</source>
        <translation>健康阅读器</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>搜索资料库</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>This entry could not be read: %1</source>
        <translation>无法读取这篇内容：%1</translation>
    </message>
    <message>
        <source>%1 — HealthReader</source>
        <translation>%1 — 健康阅读器</translation>
    </message>
    <message>
        <source>HealthReader works offline and does not open web pages. The address is: %1</source>
        <translation>健康阅读器离线使用，不会打开网页。链接地址是：%1</translation>
    </message>
    <message>
        <source>Text size %1%</source>
        <translation>字号 %1%</translation>
    </message>
    <message>
        <source>HealthReader %1
An offline reader for health information.</source>
        <translation>健康阅读器 %1
离线阅读健康资料。</translation>
    </message>
    <message>
        <source>About HealthReader</source>
        <translation>关于健康阅读器</translation>
    </message>
</context>
<context>
    <name>PageLabels</name>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>See a doctor at once if</source>
        <translation>出现以下情况请立即就医</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>参考资料</translation>
    </message>
    <message>
        <source>Disclaimer</source>
        <translation>免责声明</translation>
    </message>
    <message>
        <source>About this library</source>
        <translation>关于本资料库</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} 篇</translation>
    </message>
    <message>
        <source>You are offline</source>
        <translation>离线阅读</translation>
    </message>
    <message>
        <source>HealthReader works without a network and does not open web pages. The address is:</source>
        <translation>健康阅读器无需联网，也不会打开网页。链接地址是：</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Entry not found</source>
        <translation>找不到这篇内容</translation>
    </message>
    <message>
        <source>The library has no entry with this id:</source>
        <translation>资料库中没有这个编号的内容：</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sections</source>
        <translation>本文目录</translation>
    </message>
    <message>
        <source>Sections of this entry</source>
        <translation>本文的各个小节</translation>
    </message>
    <message>
        <source>Related questions and articles</source>
        <translation>相关问答与文章</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
</context>
</TS>