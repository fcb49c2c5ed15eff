<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessibilityController</name>
    <message>
        <source>Status</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>配色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Read aloud</source>
        <translation>朗读(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Menus and buttons change to the new characters the next time HealthReader starts.</source>
        <translation>菜单和按钮将在下次启动健康阅读器时改用新的字形。</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>搜索建议</translation>
    </message>
    <message>
        <source>More buttons</source>
        <translation>更多按钮</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>更多菜单</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Column headings</source>
        <translation>列标题</translation>
    </message>
    <message>
        <source>List of choices</source>
        <translation>选项列表</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Reading history</source>
        <translation>阅读记录</translation>
    </message>
    <message>
        <source>Bookmark order</source>
        <translation>书签排序</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
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
        <source>The library&apos;s home page (Alt+Home)</source>
        <translation>资料库首页（Alt+Home）</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>侧栏</translation>
    </message>
    <message>
        <source>Show or hide the sections and related questions (F9)</source>
        <translation>显示或隐藏目录和相关问答（F9）</translation>
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
        <source>Bookmark</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Bookmark this entry, or remove its bookmark (Ctrl+D)</source>
        <translation>收藏这篇内容，再按一次取消收藏（Ctrl+D）</translation>
    </message>
    <message>
        <source>Bookmarks and history</source>
        <translation>书签和阅读记录</translation>
    </message>
    <message>
        <source>Show your bookmarks and reading history (Ctrl+B)</source>
        <translation>查看书签和阅读记录（Ctrl+B）</translation>
    </message>
    <message>
        <source>Export bookmarks…</source>
        <translation>导出书签……</translation>
    </message>
    <message>
        <source>Import bookmarks…</source>
        <translation>导入书签……</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印……</translation>
    </message>
    <message>
        <source>Print this entry (Ctrl+P)</source>
        <translation>打印这篇内容（Ctrl+P）</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF……</translation>
    </message>
    <message>
        <source>Save this entry as a PDF handout</source>
        <translation>把这篇内容保存为 PDF 讲义</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>大字打印</translation>
    </message>
    <message>
        <source>Print with 16 pt text for easier reading</source>
        <translation>用 16 磅大字打印，方便阅读</translation>
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
        <source>Follow the system colours</source>
        <translation>跟随系统配色</translation>
    </message>
    <message>
        <source>Light or dark, as the desktop is set</source>
        <translation>按桌面的设置使用浅色或深色</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>White and yellow text on black (Ctrl+Alt+H)</source>
        <translation>黑底白字、黄色链接（Ctrl+Alt+H）</translation>
    </message>
    <message>
        <source>Large type</source>
        <translation>大字体</translation>
    </message>
    <message>
        <source>Bigger menus, buttons and article text (Ctrl+Shift+L)</source>
        <translation>放大菜单、按钮和文章文字（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>Traditional characters</source>
        <translation>繁体字</translation>
    </message>
    <message>
        <source>Show the library in traditional characters (Ctrl+Shift+T)</source>
        <translation>用繁体字显示资料库（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Read this entry aloud from the section shown (Ctrl+R)</source>
        <translation>从当前显示的小节起朗读本条目（Ctrl+R）</translation>
    </message>
    <message>
        <source>Pause or resume reading</source>
        <translation>暂停或继续朗读</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>停止朗读</translation>
    </message>
    <message>
        <source>Read faster</source>
        <translation>读快一点</translation>
    </message>
    <message>
        <source>Read slower</source>
        <translation>读慢一点</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>List every keyboard shortcut (F1)</source>
        <translation>列出全部键盘快捷键（F1）</translation>
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
        <extracomment>The log is rotated at this size, keeping this many old files: at most 8 MB, however long a kiosk runs and whatever floods it. Qt Virtual Keyboard&apos;s input-context plugin (PySide6-Addons), with its pinyin panel.</extracomment>
        <translation>资料库中有些文件存在问题，已跳过或只显示了部分内容：</translation>
    </message>
    <message>
        <source>…and %1 more (see the log).</source>
        <translation>……另有 %1 个问题（详见日志）。</translation>
    </message>
</context>
<context>
    <name>BookmarkIO</name>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取这个文件。</translation>
    </message>
    <message>
        <source>The file is not a bookmarks file (it is not JSON).</source>
        <translation>这不是书签文件（不是 JSON 格式）。</translation>
    </message>
    <message>
        <source>The file is not a HealthReader bookmarks file.</source>
        <translation>这不是健康阅读器的书签文件。</translation>
    </message>
    <message>
        <source>The file was made by a newer HealthReader. Please update HealthReader first.</source>
        <translation>这个文件来自更新版本的健康阅读器，请先升级健康阅读器。</translation>
    </message>
    <message>
        <source>Part of the file is damaged (%1).</source>
        <translation>文件有一部分已损坏（%1）。</translation>
    </message>
    <message>
        <source>Nothing was imported; your bookmarks are as they were.</source>
        <translation>没有导入任何内容，您的书签保持不变。</translation>
    </message>
    <message>
        <source>The file that holds your bookmarks and history was not a bookmarks file.</source>
        <translation>保存书签和阅读记录的文件不是书签文件。</translation>
    </message>
    <message>
        <source>The file that holds your bookmarks and history belonged to another program.</source>
        <translation>保存书签和阅读记录的文件属于其他程序。</translation>
    </message>
    <message>
        <source>The file that holds your bookmarks and history was damaged.</source>
        <translation>保存书签和阅读记录的文件已损坏。</translation>
    </message>
    <message>
        <source>It has been kept, untouched, as %1. New, empty bookmarks and history have been started.</source>
        <translation>原文件已原样保留为 %1。已新建空白的书签和阅读记录。</translation>
    </message>
    <message>
        <source>Export bookmarks</source>
        <translation>导出书签</translation>
    </message>
    <message>
        <source>The bookmarks could not be saved to %1: %2</source>
        <translation>无法把书签保存到 %1：%2</translation>
    </message>
    <message>
        <source>%1 bookmark(s) with their notes were saved to %2.</source>
        <translation>已把 %1 个书签及笔记保存到 %2。</translation>
    </message>
    <message>
        <source>Import bookmarks</source>
        <translation>导入书签</translation>
    </message>
    <message>
        <source>%1 new bookmark(s) added, %2 updated, %3 already there.</source>
        <translation>新增 %1 个书签，更新 %2 个，%3 个已存在。</translation>
    </message>
    <message>
        <source>Bookmarks (*.json);;All files (*)</source>
        <translation>书签 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file is far larger than any bookmarks file HealthReader writes.</source>
        <translation>这个文件比健康阅读器导出的任何书签文件都大得多。</translation>
    </message>
    <message>
        <source>A leftover file beside your bookmarks did not belong to them. It has been kept, untouched, as %1. Your bookmarks and history are as they were.</source>
        <translation>在您的书签旁边有一个不属于它们的遗留文件，已原样保留为 %1。您的书签和阅读记录没有变化。</translation>
    </message>
    <message>
        <source>Importing bookmarks…</source>
        <translation>正在导入书签……</translation>
    </message>
</context>
<context>
    <name>BookmarkListModel</name>
    <message>
        <source>(partly unreadable)</source>
        <translation>（部分无法读取）</translation>
    </message>
    <message>
        <source>Part of this bookmark was damaged on disk; it is shown as well as it can be.</source>
        <translation>这个书签保存在磁盘上的内容有一部分已损坏，这里尽量完整地显示它。</translation>
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
    <message>
        <source>(partly unreadable)</source>
        <translation>（部分无法读取）</translation>
    </message>
</context>
<context>
    <name>CountdownDialog</name>
    <message>
        <source>Continue reading?</source>
        <extracomment>Actions that lead out of the app or to the file system: never available in a kiosk. Keys that close, switch or un-fullscreen windows elsewhere; eaten before any widget sees them. Shortcut hints in the desktop&apos;s words: &quot;(Ctrl+K)&quot;, &quot;（回车）&quot;, &quot;or Ctrl+D&quot;, &quot;或按 Ctrl+D&quot;, &quot;后按回车&quot;.</extracomment>
        <translation>继续阅读吗？</translation>
    </message>
    <message>
        <source>Keep reading</source>
        <translation>继续阅读</translation>
    </message>
    <message>
        <source>In %1 seconds this page closes and the reader starts again for the next person.</source>
        <translation>%1 秒后将关闭本页并回到首页，留给下一位读者。</translation>
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
    <name>EntryWatcher</name>
    <message>
        <source>Reloaded %1</source>
        <translation>已重新载入 %1</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>its id changed to %1</source>
        <translation>它的 id 改成了 %1</translation>
    </message>
    <message>
        <source>%1 has a problem; showing the last good version: %2</source>
        <translation>%1 有问题，仍显示上一个正确的版本：%2</translation>
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
    <name>KioskController</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <source>HealthReader</source>
        <translation>健康阅读器</translation>
    </message>
    <message>
        <source>Health information</source>
        <translation>健康知识</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>The kiosk settings file has problems; safe settings are in use. Please tell the staff: %1</source>
        <translation>自助阅读机设置文件有误，已改用安全设置。请告知工作人员：%1</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>(kiosk preview)</source>
        <translation>（自助机预览）</translation>
    </message>
    <message>
        <source>The last page is still being printed. Please wait a moment.</source>
        <translation>上一份还在打印，请稍等。</translation>
    </message>
    <message>
        <source>Looking for the printer…</source>
        <translation>正在查找打印机…</translation>
    </message>
    <message>
        <source>No printer is available. Please ask the staff for a printed copy.</source>
        <translation>没有可用的打印机。如需纸质版，请向工作人员索取。</translation>
    </message>
    <message>
        <source>Sending the pages to the printer…</source>
        <translation>正在把页面发送到打印机…</translation>
    </message>
    <message>
        <source>Print “%1” on the clinic&apos;s printer?</source>
        <translation>用诊所的打印机打印《%1》吗？</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No exit PIN is set in the kiosk settings. Ask the administrator.</source>
        <translation>自助阅读机设置中没有退出密码，请联系管理员。</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in %1 seconds.</source>
        <translation>密码错误，请 %1 秒后再试。</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before a pause.</source>
        <translation>密码错误。再错 %1 次将暂停输入。</translation>
    </message>
</context>
<context>
    <name>LibraryUpdates</name>
    <message>
        <source>installed %1</source>
        <translation>已安装 %1</translation>
    </message>
    <message>
        <source>Refused: not a HealthReader pack.</source>
        <translation>已拒绝：这不是 HealthReader 内容包。</translation>
    </message>
    <message>
        <source>Refused: the file is incomplete (still copying, or a broken download).</source>
        <translation>已拒绝：文件不完整（还在复制中，或下载不完整）。</translation>
    </message>
    <message>
        <source>Refused: the pack is not signed.</source>
        <translation>已拒绝：内容包没有签名。</translation>
    </message>
    <message>
        <source>Refused: signed with a key this PC does not trust.</source>
        <translation>已拒绝：签名所用的密钥不受本机信任。</translation>
    </message>
    <message>
        <source>Refused: the pack was changed after it was signed.</source>
        <translation>已拒绝：内容包在签名后被改动过。</translation>
    </message>
    <message>
        <source>Refused: older than the library in use.</source>
        <translation>已拒绝：比正在使用的文章库旧。</translation>
    </message>
    <message>
        <source>Refused: this HealthReader is too old for the pack.</source>
        <translation>已拒绝：本机的 HealthReader 版本太旧，无法使用这个内容包。</translation>
    </message>
    <message>
        <source>Refused: the file cannot be read.</source>
        <translation>已拒绝：无法读取文件。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Heading level %1, %2</source>
        <translation>%1 级标题，%2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开：%1</translation>
    </message>
    <message>
        <source>Section: %1</source>
        <translation>小节：%1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>链接：%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>opens this result</source>
        <translation>打开这条结果</translation>
    </message>
    <message>
        <source>searches for %1</source>
        <translation>搜索 %1</translation>
    </message>
    <message>
        <source>opens this entry</source>
        <translation>打开该条目</translation>
    </message>
    <message>
        <source>opens %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>goes to a section of this page</source>
        <translation>转到本页的一个小节</translation>
    </message>
    <message>
        <source>outside address, not opened: %1</source>
        <translation>外部网址，不会打开：%1</translation>
    </message>
    <message>
        <source>HealthReader</source>
        <translation>健康阅读器</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>No more headings</source>
        <translation>后面没有标题了</translation>
    </message>
    <message>
        <source>No headings before this</source>
        <translation>前面没有标题了</translation>
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
        <source>shows the next results below these</source>
        <translation>在下面显示后面的结果</translation>
    </message>
    <message>
        <source>Bookmarks and history</source>
        <translation>书签和阅读记录</translation>
    </message>
    <message>
        <source>Warning box: %1</source>
        <translation>警示框：%1</translation>
    </message>
    <message>
        <source>Note box: %1</source>
        <translation>说明框：%1</translation>
    </message>
    <message>
        <source>Bookmark removed: %1</source>
        <translation>已取消收藏：%1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Bookmarked: %1</source>
        <translation>已收藏：%1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
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
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复审</translation>
    </message>
    <message>
        <source>Due for review</source>
        <translation>内容待复审</translation>
    </message>
    <message>
        <source>The date for this entry&apos;s next medical review has passed: some of it may be out of date.</source>
        <translation>本条目已过预定的复审日期，部分内容可能已经过时。</translation>
    </message>
    <message>
        <source>When to get medical help</source>
        <translation>什么情况需要就医</translation>
    </message>
    <message>
        <source>Call 120 now</source>
        <translation>立即拨打120</translation>
    </message>
    <message>
        <source>See a doctor today</source>
        <translation>当天就医</translation>
    </message>
    <message>
        <source>See a doctor within a few days</source>
        <translation>尽快就诊（几天内）</translation>
    </message>
    <message>
        <source>This entry is too long or too deeply nested to show with its formatting; it is shown as plain text.</source>
        <translation>这篇条目太长或层次太多，无法按原格式显示，下面以纯文本显示。</translation>
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
        <source>Recently read</source>
        <translation>最近阅读</translation>
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
    <message>
        <source>: </source>
        <comment>between a label and its value: Category: 神经与肌肉</comment>
        <translation>：</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff only: leave kiosk mode</source>
        <translation>仅限工作人员：退出自助阅读模式</translation>
    </message>
    <message>
        <source>Enter the staff PIN</source>
        <translation>请输入工作人员密码</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Staff view</source>
        <translation>工作人员页面</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>正在核对密码…</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>The printing service of this computer does not answer. You can save the article as a PDF and print it later.</source>
        <translation>本机的打印服务没有响应。您可以先把文章保存为 PDF，稍后再打印。</translation>
    </message>
    <message>
        <source>The printing service of this computer is not running. You can save the article as a PDF and print it elsewhere.</source>
        <translation>本机的打印服务没有运行。您可以把文章保存为 PDF，在别处打印。</translation>
    </message>
    <message>
        <source>Sending “%1” to the printer %2…</source>
        <translation>正在把“%1”发送到打印机 %2…</translation>
    </message>
    <message>
        <source>This section is no longer in the article.</source>
        <translation>文章中已经没有这一节。</translation>
    </message>
    <message>
        <source>Open an article or a question first; then you can print it or save it as a PDF.</source>
        <translation>请先打开一篇文章或问答，然后才能打印或保存为 PDF。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>没有打印机</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF……</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <source>The printer is out of paper. Please tell the staff.</source>
        <translation>打印机缺纸，请告诉工作人员。</translation>
    </message>
    <message>
        <source>The paper is jammed in the printer. Please tell the staff.</source>
        <translation>打印机卡纸了，请告诉工作人员。</translation>
    </message>
    <message>
        <source>The printer is out of ink or toner. Please tell the staff.</source>
        <translation>打印机没有墨水或墨粉了，请告诉工作人员。</translation>
    </message>
    <message>
        <source>A cover of the printer is open. Please tell the staff.</source>
        <translation>打印机的盖子开着，请告诉工作人员。</translation>
    </message>
    <message>
        <source>The printer is switched off or not connected. Please tell the staff.</source>
        <translation>打印机没有开机或没有连接，请告诉工作人员。</translation>
    </message>
    <message>
        <source>The printer reported an error and did not print. Please tell the staff.</source>
        <translation>打印机出错，没有打印，请告诉工作人员。</translation>
    </message>
    <message>
        <source>The printer has stopped. Please tell the staff.</source>
        <translation>打印机已暂停，请告诉工作人员。</translation>
    </message>
    <message>
        <source>The printer is out of paper. The pages will print once paper is loaded.</source>
        <translation>打印机缺纸。放好纸后会接着打印。</translation>
    </message>
    <message>
        <source>The paper is jammed in the printer. The pages will print once it is cleared.</source>
        <translation>打印机卡纸。取出卡住的纸后会接着打印。</translation>
    </message>
    <message>
        <source>The printer is out of ink or toner. The pages will print once it is replaced.</source>
        <translation>打印机墨水或碳粉用完了。换上新的后会接着打印。</translation>
    </message>
    <message>
        <source>A cover of the printer is open. The pages will print once it is closed.</source>
        <translation>打印机的盖子开着。盖好后会接着打印。</translation>
    </message>
    <message>
        <source>The printer is switched off or not connected. The pages will print once it is back.</source>
        <translation>打印机没有开机或没有连接。开机并连好后会接着打印。</translation>
    </message>
    <message>
        <source>The printer reported an error and has not printed the pages.</source>
        <translation>打印机报告了错误，还没有打印这些页面。</translation>
    </message>
    <message>
        <source>The printer has stopped. The pages will print once it is started again.</source>
        <translation>打印机已暂停。重新启用后会接着打印。</translation>
    </message>
    <message>
        <source>The printer is not taking print jobs now. Nothing was printed.</source>
        <translation>打印机现在不接受打印任务，没有打印任何内容。</translation>
    </message>
    <message>
        <source>The printer has not printed the pages yet.</source>
        <translation>打印机还没有打印这些页面。</translation>
    </message>
    <message>
        <source>Printed %1 page(s). Please collect them at the printer.</source>
        <translation>已打印 %1 页，请到打印机处取件。</translation>
    </message>
    <message>
        <source>Printed %1 page(s).</source>
        <translation>已打印 %1 页。</translation>
    </message>
    <message>
        <source>The printer has not printed the pages yet. Please tell the staff.</source>
        <translation>打印机还没有打出这些页面，请告诉工作人员。</translation>
    </message>
    <message>
        <source>The print job was cancelled; nothing will print.</source>
        <translation>打印任务已取消，不会打印任何内容。</translation>
    </message>
    <message>
        <source>The printer is not taking print jobs now. Nothing was printed. Please tell the staff.</source>
        <translation>打印机现在不接受打印任务，没有打印任何内容。请告诉工作人员。</translation>
    </message>
    <message>
        <source>That printer is not set up on this computer. Nothing was printed.</source>
        <translation>这台电脑上没有设置这台打印机，没有打印任何内容。</translation>
    </message>
    <message>
        <source>The printing service of this computer is not running. Nothing was printed.</source>
        <translation>这台电脑的打印服务没有运行，没有打印任何内容。</translation>
    </message>
    <message>
        <source>The printing service does not answer. Nothing may print; please tell the staff.</source>
        <translation>打印服务不响应，可能不会打印，请告诉工作人员。</translation>
    </message>
    <message>
        <source>The page could not be printed. Please tell the staff.</source>
        <translation>无法打印，请告诉工作人员。</translation>
    </message>
    <message>
        <source>Waiting for the printer…</source>
        <translation>正在等待打印机…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The article “%1” has no section “%2”.</source>
        <translation>文章“%1”中没有“%2”这一节。</translation>
    </message>
    <message>
        <source>Page %1</source>
        <comment>%1 is &apos;page/pages&apos;, e.g. 2/5</comment>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>The printer or file could not be opened for printing.</source>
        <translation>无法打开打印机或文件进行打印。</translation>
    </message>
    <message>
        <source>The PDF could not be saved: the disk is full. Free some space or choose another place.</source>
        <translation>无法保存 PDF：磁盘已满。请清理空间或换一个位置。</translation>
    </message>
    <message>
        <source>The PDF could not be saved: you may not write to the folder “%2”. Choose another place.</source>
        <translation>无法保存 PDF：没有权限写入文件夹“%2”。请换一个位置。</translation>
    </message>
    <message>
        <source>The PDF could not be saved: the folder “%2” does not exist.</source>
        <translation>无法保存 PDF：文件夹“%2”不存在。</translation>
    </message>
    <message>
        <source>The PDF could not be saved to “%1”.</source>
        <translation>无法把 PDF 保存到“%1”。</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. You can save the article as a PDF and print it elsewhere.</source>
        <translation>这台电脑没有设置打印机。您可以把文章保存为 PDF，再到别处打印。</translation>
    </message>
    <message>
        <source>The printer reported an error. Check that it is switched on and has paper.</source>
        <translation>打印机报告了错误。请检查打印机是否已开机、是否有纸。</translation>
    </message>
    <message>
        <source>Print preview: %1 – %2</source>
        <translation>打印预览：%1 – %2</translation>
    </message>
    <message>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <source>Scan the code to read this entry again.</source>
        <translation>扫描二维码，可以再次阅读这篇内容。</translation>
    </message>
    <message>
        <source>Entry %1 · library version %2 · printed %3</source>
        <translation>条目 %1 · 资料库版本 %2 · 打印于 %3</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <source>Open this page on your phone</source>
        <translation>在手机上打开这个网页</translation>
    </message>
    <message>
        <source>HealthReader does not open web pages. Scan the code with your phone&apos;s camera:</source>
        <translation>健康阅读器不打开网页。请用手机相机扫描二维码：</translation>
    </message>
    <message>
        <source>QR code of %1</source>
        <translation>%1 的二维码</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QueueChoice</name>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print on the chosen printer</source>
        <translation>在所选打印机上打印</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>打印机：</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>份数：</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>There is nothing to read on this page.</source>
        <translation>这一页没有可朗读的内容。</translation>
    </message>
    <message>
        <source>Reading speed %1 (from -5 to 5)</source>
        <translation>朗读速度 %1（-5 到 5）</translation>
    </message>
    <message>
        <source>Reading aloud stopped: %1</source>
        <translation>朗读已停止：%1</translation>
    </message>
    <message>
        <source>This computer has no speech engine, so it cannot read aloud. (For the administrator: install speech-dispatcher and espeak-ng.)</source>
        <translation>这台电脑没有语音引擎，无法朗读。（请管理员安装 speech-dispatcher 和 espeak-ng。）</translation>
    </message>
    <message>
        <source>This computer has no speakers or sound device, so it cannot read aloud.</source>
        <translation>这台电脑没有扬声器或声卡，无法朗读。</translation>
    </message>
    <message>
        <source>This computer has no Chinese voice, so it cannot read aloud. (For the administrator: install espeak-ng with its Mandarin voice.)</source>
        <translation>这台电脑没有可用的中文语音，无法朗读。（请管理员安装 espeak-ng 及其普通话语音。）</translation>
    </message>
    <message>
        <source>The speech service could not start (%1), so it cannot read aloud.</source>
        <translation>语音服务无法启动（%1），无法朗读。</translation>
    </message>
    <message>
        <source>The speech service is not answering, so reading aloud has stopped. Try again later.</source>
        <translation>语音服务没有响应，朗读已停止。请稍后再试。</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>停止朗读</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>停止朗读</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>The speech service is not answering.</source>
        <translation>语音服务没有响应。</translation>
    </message>
    <message>
        <source>Resume reading</source>
        <translation>继续朗读</translation>
    </message>
    <message>
        <source>Pause reading</source>
        <translation>暂停朗读</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
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
        <source>Not found: %1</source>
        <translation>没有找到：%1</translation>
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
    <message>
        <source>You could try:</source>
        <translation>可以这样试试：</translation>
    </message>
    <message>
        <source>fewer words: only the one that matters most, such as 面瘫 instead of 面瘫多久能好</source>
        <translation>少打几个字，只写最关心的那个词，例如“面瘫”而不是“面瘫多久能好”</translation>
    </message>
    <message>
        <source>pinyin or its initials, such as mianpi or jrws for 肌肉萎缩</source>
        <translation>用拼音或拼音首字母，例如 mianpi，或用 jrws 找“肌肉萎缩”</translation>
    </message>
    <message>
        <source>another character, if the input method picked one that sounds the same</source>
        <translation>看看有没有打错字：输入法可能选了读音相同的别的字</translation>
    </message>
    <message>
        <source>Or browse a topic:</source>
        <translation>或者按主题浏览：</translation>
    </message>
    <message>
        <source>Nothing with these filters.</source>
        <translation>在所选的类型和分类里没有找到。</translation>
    </message>
    <message>
        <source>Search everything for “%1”</source>
        <translation>在全部内容中搜索“%1”</translation>
    </message>
    <message>
        <source>More results</source>
        <translation>更多结果</translation>
    </message>
    <message>
        <source>Showing %1 of %2.</source>
        <translation>已显示 %1 条，共 %2 条。</translation>
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
    <message>
        <source>Did you mean “%1”?</source>
        <translation>你要找的是不是“%1”？</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Each command and the keys that run it</source>
        <translation>每个命令及运行它的按键</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
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
    <message>
        <source>Bookmark this section</source>
        <translation>收藏这一节</translation>
    </message>
    <message>
        <source>Print this section…</source>
        <translation>打印这一节……</translation>
    </message>
    <message>
        <source>Save this section as PDF…</source>
        <translation>把这一节保存为 PDF……</translation>
    </message>
</context>
<context>
    <name>SpellingWords</name>
    <message>
        <source>Words for what you are typing</source>
        <translation>与正在输入的拼音相符的词语</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Staff view</source>
        <translation>工作人员页面</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文章库</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Back to the reader</source>
        <translation>返回阅读</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>正在使用：%1</translation>
    </message>
    <message>
        <source>No content pack is installed: the library that came with the app is in use.</source>
        <translation>没有安装内容包：正在使用应用自带的文章库。</translation>
    </message>
    <message>
        <source>A newer library is installed; the kiosk switches to it at the next idle reset.</source>
        <translation>已安装更新的文章库，自助阅读机会在下次空闲重置时切换。</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>安装</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>回退</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前的版本</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目数</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>From the watched folder:</source>
        <translation>来自监视文件夹：</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Search statistics are off. The kiosk policy turns them on (search_stats = true) only with the clinic&apos;s consent.</source>
        <translation>搜索统计已关闭。只有在诊所同意后，才能在自助阅读机策略中开启（search_stats = true）。</translation>
    </message>
    <message>
        <source>The last %1 days, counted on this PC only. Searches made fewer than 3 times are not shown.</source>
        <translation>最近 %1 天，只在本机统计。少于 3 次的搜索不显示。</translation>
    </message>
    <message>
        <source>Searches that found nothing (what to write next):</source>
        <translation>没有找到结果的搜索（下一步该写的内容）：</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索词</translation>
    </message>
    <message>
        <source>Found nothing</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <source>Most frequent searches:</source>
        <translation>最常见的搜索：</translation>
    </message>
</context>
<context>
    <name>UserData</name>
    <message>
        <source>the disk is full. Free some space and try again; everything saved before is safe.</source>
        <translation>磁盘已满。请腾出一些空间后再试；之前保存的内容都安然无恙。</translation>
    </message>
    <message>
        <source>the bookmarks file or its folder is read-only. What was saved before can still be read.</source>
        <translation>书签文件或它所在的文件夹是只读的。之前保存的内容仍然可以查看。</translation>
    </message>
    <message>
        <source>another HealthReader window is busy with the same file. Try again in a moment.</source>
        <translation>另一个健康阅读器窗口正在使用同一个文件。请稍后再试。</translation>
    </message>
    <message>
        <source>the bookmarks file is damaged. Restart HealthReader to have it checked and, if need be, set aside.</source>
        <translation>书签文件已损坏。请重新启动健康阅读器：它会检查这个文件，必要时把它另外保留起来。</translation>
    </message>
    <message>
        <source>the computer reported an error (%1).</source>
        <translation>电脑报告了一个错误（%1）。</translation>
    </message>
    <message>
        <source>Your bookmarks and history could not be opened:</source>
        <translation>无法打开您的书签和阅读记录：</translation>
    </message>
    <message>
        <source>Your bookmarks and history could not be read:</source>
        <translation>无法读取您的书签和阅读记录：</translation>
    </message>
    <message>
        <source>This change could not be saved:</source>
        <translation>这次更改没能保存：</translation>
    </message>
    <message>
        <source>This cannot be saved: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Something went wrong with your bookmarks: %1</source>
        <translation>书签出了问题：%1</translation>
    </message>
    <message>
        <source>The disk is full: your bookmarks and history can be read, but changes cannot be saved until some space is freed.</source>
        <translation>磁盘已满：您可以查看书签和阅读记录，但在腾出空间之前无法保存更改。</translation>
    </message>
    <message>
        <source>Your bookmarks and history can be read but not changed: the bookmarks file or its folder is read-only.</source>
        <translation>您的书签和阅读记录可以查看，但不能更改：书签文件或它所在的文件夹是只读的。</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘是只读的</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>没有权限写入那里</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>HealthReader could not create its folder for your data (%1), so it is using a temporary one. Nothing you do in this session will be kept: bookmarks, reading history and settings are lost when HealthReader closes.</source>
        <translation>健康阅读器无法创建保存您数据的文件夹（%1），现在使用的是一个临时文件夹。这次使用中的一切都不会保留：关闭健康阅读器后，书签、阅读记录和设置都会丢失。</translation>
    </message>
    <message>
        <source>The folder with your data (%1) is read-only. Your bookmarks can be read, but nothing new will be kept.</source>
        <translation>保存您数据的文件夹（%1）是只读的。您可以查看书签，但新的内容都不会保留。</translation>
    </message>
    <message>
        <source>Your settings could not be read, so the defaults are used.</source>
        <translation>您的设置无法读取，已改用默认设置。</translation>
    </message>
    <message>
        <source>Your settings could not be read, so the defaults are used. The old file was kept as %1.</source>
        <translation>您的设置无法读取，已改用默认设置。原来的文件已保留为 %1。</translation>
    </message>
</context>
</TS>
