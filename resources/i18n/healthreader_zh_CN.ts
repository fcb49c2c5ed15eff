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
        <source>Search the library</source>
        <translation>搜索资料库</translation>
    </message>
    <message>
        <source>Search the library (Ctrl+K)</source>
        <translation>搜索资料库（Ctrl+K）</translation>
    </message>
    <message>
        <source>Find in page</source>
        <translation>页内查找</translation>
    </message>
    <message>
        <source>Find in this page (Ctrl+F)</source>
        <translation>在本页中查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>查找上一个</translation>
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
    <name>BookmarksPanel</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>History</source>
        <translation>阅读记录</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Filter by title, note or folder</source>
        <translation>按标题、笔记或文件夹筛选</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <source>By title</source>
        <translation>按标题</translation>
    </message>
    <message>
        <source>(no longer in the library)</source>
        <translation>（已不在资料库中）</translation>
    </message>
    <message>
        <source>Write a note and press Enter</source>
        <translation>写下笔记后按回车</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <source>Move to folder</source>
        <translation>移到文件夹</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Nothing read yet.</source>
        <translation>还没有阅读记录。</translation>
    </message>
    <message>
        <source>Clear history…</source>
        <translation>清除阅读记录……</translation>
    </message>
    <message>
        <source>All folders</source>
        <translation>全部文件夹</translation>
    </message>
    <message>
        <source>No folder</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No bookmarks match.</source>
        <translation>没有符合条件的书签。</translation>
    </message>
    <message>
        <source>No bookmarks yet. Use the star or Ctrl+D to bookmark what you are reading.</source>
        <translation>还没有书签。点击星标或按 Ctrl+D，可以把正在阅读的内容加入书签。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>“%1” is no longer in the library; the bookmark is kept with its note.</source>
        <translation>“%1”已不在资料库中；书签和笔记仍然保留。</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>The bookmark could not be moved: %1</source>
        <translation>无法移动书签：%1</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <source>Name of the new folder:</source>
        <translation>新文件夹的名称：</translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation>新建文件夹……</translation>
    </message>
    <message>
        <source>“%1” is no longer in the library.</source>
        <translation>“%1”已不在资料库中。</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>清除阅读记录</translation>
    </message>
    <message>
        <source>Forget every article you have read? Your bookmarks and notes are kept.</source>
        <translation>要清除全部阅读记录吗？书签和笔记会保留。</translation>
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
    <name>FindBar</name>
    <message>
        <source>Find in page:</source>
        <translation>页内查找：</translation>
    </message>
    <message>
        <source>Find in page</source>
        <translation>页内查找</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有找到</translation>
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
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
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
        <source>Results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Search is ready</source>
        <translation>搜索已就绪</translation>
    </message>
    <message>
        <source>Preparing search… %1%</source>
        <translation>正在准备搜索…… %1%</translation>
    </message>
    <message>
        <source>Preparing search: %1 of %2 entries</source>
        <translation>正在准备搜索：%1 / %2 篇</translation>
    </message>
    <message>
        <source>Search is unavailable</source>
        <translation>搜索暂不可用</translation>
    </message>
    <message>
        <source>Search is unavailable: %1</source>
        <translation>搜索暂不可用：%1</translation>
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
        <source>Start here</source>
        <translation>从这里开始</translation>
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
    <name>Printing</name>
    <message>
        <source>Page %1</source>
        <comment>%1 is 'page/pages', e.g. 2/5</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>分类：</translation>
    </message>
    <message>
        <source>Showing results for %1.</source>
        <translation>显示 %1 的结果。</translation>
    </message>
    <message>
        <source>Search exactly for “%1” instead</source>
        <translation>仍然搜索“%1”</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>Type a word to search for, for example 面瘫 or jrws.</source>
        <translation>请输入要查找的词，例如“面瘫”或拼音首字母“jrws”。</translation>
    </message>
    <message>
        <source>Search is being repaired; please try again in a moment.</source>
        <translation>搜索正在修复，请稍后再试。</translation>
    </message>
    <message>
        <source>%1 results</source>
        <translation>共 %1 条结果</translation>
    </message>
    <message>
        <source>Nothing in the library matches these words.</source>
        <translation>资料库中没有找到与这些词相符的内容。</translation>
    </message>
    <message>
        <source>Perhaps you meant one of these:</source>
        <translation>您是不是想找：</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索……</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Search: words, pinyin or initials (Ctrl+K)</source>
        <translation>搜索：词语、拼音或首字母（Ctrl+K）</translation>
    </message>
    <message>
        <source>Preparing search…</source>
        <translation>正在准备搜索……</translation>
    </message>
    <message>
        <source>All results for “%1” (Enter)</source>
        <translation>查看“%1”的全部结果（回车）</translation>
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