<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AccessibilityController</name>
    <message>
        <source>Status</source>
        <translation>狀態列</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>配色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Read aloud</source>
        <translation>朗讀(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <source>Menus and buttons change to the new characters the next time HealthReader starts.</source>
        <translation>選單和按鈕將在下次啟動健康閱讀器時改用新的字形。</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>搜尋建議</translation>
    </message>
    <message>
        <source>More buttons</source>
        <translation>更多按鈕</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>更多選單</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全選</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Column headings</source>
        <translation>列標題</translation>
    </message>
    <message>
        <source>List of choices</source>
        <translation>選項列表</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>書籤</translation>
    </message>
    <message>
        <source>Reading history</source>
        <translation>閱讀記錄</translation>
    </message>
    <message>
        <source>Bookmark order</source>
        <translation>書籤排序</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Back</source>
        <translation>後退</translation>
    </message>
    <message>
        <source>Go back (Alt+Left)</source>
        <translation>後退（Alt+←）</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前進</translation>
    </message>
    <message>
        <source>Go forward (Alt+Right)</source>
        <translation>前進（Alt+→）</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首頁</translation>
    </message>
    <message>
        <source>The library&apos;s home page (Alt+Home)</source>
        <translation>資料庫首頁（Alt+Home）</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>側欄</translation>
    </message>
    <message>
        <source>Show or hide the sections and related questions (F9)</source>
        <translation>顯示或隱藏目錄和相關問答（F9）</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大字號</translation>
    </message>
    <message>
        <source>Larger text (Ctrl+=)</source>
        <translation>放大字號（Ctrl+=）</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>縮小字號</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>縮小字號（Ctrl+-）</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>預設字號</translation>
    </message>
    <message>
        <source>Normal text size (Ctrl+0)</source>
        <translation>恢復預設字號（Ctrl+0）</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>搜尋資料庫</translation>
    </message>
    <message>
        <source>Search the library (Ctrl+K)</source>
        <translation>搜尋資料庫（Ctrl+K）</translation>
    </message>
    <message>
        <source>Find in page</source>
        <translation>頁內尋找</translation>
    </message>
    <message>
        <source>Find in this page (Ctrl+F)</source>
        <translation>在本頁中尋找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>尋找下一個</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>尋找上一個</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Bookmark this entry, or remove its bookmark (Ctrl+D)</source>
        <translation>收藏這篇內容，再按一次取消收藏（Ctrl+D）</translation>
    </message>
    <message>
        <source>Bookmarks and history</source>
        <translation>書籤和閱讀記錄</translation>
    </message>
    <message>
        <source>Show your bookmarks and reading history (Ctrl+B)</source>
        <translation>檢視書籤和閱讀記錄（Ctrl+B）</translation>
    </message>
    <message>
        <source>Export bookmarks…</source>
        <translation>匯出書籤……</translation>
    </message>
    <message>
        <source>Import bookmarks…</source>
        <translation>匯入書籤……</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>列印……</translation>
    </message>
    <message>
        <source>Print this entry (Ctrl+P)</source>
        <translation>列印這篇內容（Ctrl+P）</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>列印預覽</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>匯出 PDF……</translation>
    </message>
    <message>
        <source>Save this entry as a PDF handout</source>
        <translation>把這篇內容儲存為 PDF 講義</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>大字列印</translation>
    </message>
    <message>
        <source>Print with 16 pt text for easier reading</source>
        <translation>用 16 磅大字列印，方便閱讀</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Quit HealthReader</source>
        <translation>退出健康閱讀器</translation>
    </message>
    <message>
        <source>Follow the system colours</source>
        <translation>跟隨系統配色</translation>
    </message>
    <message>
        <source>Light or dark, as the desktop is set</source>
        <translation>按桌面的設定使用淺色或深色</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高對比度</translation>
    </message>
    <message>
        <source>White and yellow text on black (Ctrl+Alt+H)</source>
        <translation>黑底白字、黃色連結（Ctrl+Alt+H）</translation>
    </message>
    <message>
        <source>Large type</source>
        <translation>大字型</translation>
    </message>
    <message>
        <source>Bigger menus, buttons and article text (Ctrl+Shift+L)</source>
        <translation>放大選單、按鈕和文章文字（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>Traditional characters</source>
        <translation>繁體字</translation>
    </message>
    <message>
        <source>Show the library in traditional characters (Ctrl+Shift+T)</source>
        <translation>用繁體字顯示資料庫（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <source>Read this entry aloud from the section shown (Ctrl+R)</source>
        <translation>從當前顯示的小節起朗讀本條目（Ctrl+R）</translation>
    </message>
    <message>
        <source>Pause or resume reading</source>
        <translation>暫停或繼續朗讀</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>停止朗讀</translation>
    </message>
    <message>
        <source>Read faster</source>
        <translation>讀快一點</translation>
    </message>
    <message>
        <source>Read slower</source>
        <translation>讀慢一點</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <source>List every keyboard shortcut (F1)</source>
        <translation>列出全部鍵盤快捷鍵（F1）</translation>
    </message>
    <message>
        <source>About HealthReader</source>
        <translation>關於健康閱讀器</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Some library files have problems and were skipped or shown in part:</source>
        <extracomment>The log is rotated at this size, keeping this many old files: at most 8 MB, however long a kiosk runs and whatever floods it. Qt Virtual Keyboard&apos;s input-context plugin (PySide6-Addons), with its pinyin panel.</extracomment>
        <translation>資料庫中有些檔案存在問題，已跳過或只顯示了部分內容：</translation>
    </message>
    <message>
        <source>…and %1 more (see the log).</source>
        <translation>……另有 %1 個問題（詳見日誌）。</translation>
    </message>
</context>
<context>
    <name>BookmarkIO</name>
    <message>
        <source>The file could not be read.</source>
        <translation>無法讀取這個檔案。</translation>
    </message>
    <message>
        <source>The file is not a bookmarks file (it is not JSON).</source>
        <translation>這不是書籤檔案（不是 JSON 格式）。</translation>
    </message>
    <message>
        <source>The file is not a HealthReader bookmarks file.</source>
        <translation>這不是健康閱讀器的書籤檔案。</translation>
    </message>
    <message>
        <source>The file was made by a newer HealthReader. Please update HealthReader first.</source>
        <translation>這個檔案來自更新版本的健康閱讀器，請先升級健康閱讀器。</translation>
    </message>
    <message>
        <source>Part of the file is damaged (%1).</source>
        <translation>檔案有一部分已損壞（%1）。</translation>
    </message>
    <message>
        <source>Nothing was imported; your bookmarks are as they were.</source>
        <translation>沒有匯入任何內容，您的書籤保持不變。</translation>
    </message>
    <message>
        <source>The file that holds your bookmarks and history was not a bookmarks file.</source>
        <translation>儲存書籤和閱讀記錄的檔案不是書籤檔案。</translation>
    </message>
    <message>
        <source>The file that holds your bookmarks and history belonged to another program.</source>
        <translation>儲存書籤和閱讀記錄的檔案屬於其他程式。</translation>
    </message>
    <message>
        <source>The file that holds your bookmarks and history was damaged.</source>
        <translation>儲存書籤和閱讀記錄的檔案已損壞。</translation>
    </message>
    <message>
        <source>It has been kept, untouched, as %1. New, empty bookmarks and history have been started.</source>
        <translation>原檔案已原樣保留為 %1。已新建空白的書籤和閱讀記錄。</translation>
    </message>
    <message>
        <source>Export bookmarks</source>
        <translation>匯出書籤</translation>
    </message>
    <message>
        <source>The bookmarks could not be saved to %1: %2</source>
        <translation>無法把書籤儲存到 %1：%2</translation>
    </message>
    <message>
        <source>%1 bookmark(s) with their notes were saved to %2.</source>
        <translation>已把 %1 個書籤及筆記儲存到 %2。</translation>
    </message>
    <message>
        <source>Import bookmarks</source>
        <translation>匯入書籤</translation>
    </message>
    <message>
        <source>%1 new bookmark(s) added, %2 updated, %3 already there.</source>
        <translation>新增 %1 個書籤，更新 %2 個，%3 個已存在。</translation>
    </message>
    <message>
        <source>Bookmarks (*.json);;All files (*)</source>
        <translation>書籤 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>The file is far larger than any bookmarks file HealthReader writes.</source>
        <translation>這個檔案比健康閱讀器匯出的任何書籤檔案都大得多。</translation>
    </message>
    <message>
        <source>A leftover file beside your bookmarks did not belong to them. It has been kept, untouched, as %1. Your bookmarks and history are as they were.</source>
        <translation>在您的書籤旁邊有一個不屬於它們的遺留檔案，已原樣保留為 %1。您的書籤和閱讀記錄沒有變化。</translation>
    </message>
    <message>
        <source>Importing bookmarks…</source>
        <translation>正在匯入書籤……</translation>
    </message>
</context>
<context>
    <name>BookmarkListModel</name>
    <message>
        <source>(partly unreadable)</source>
        <translation>（部分無法讀取）</translation>
    </message>
    <message>
        <source>Part of this bookmark was damaged on disk; it is shown as well as it can be.</source>
        <translation>這個書籤儲存在磁碟上的內容有一部分已損壞，這裡儘量完整地顯示它。</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Bookmarks</source>
        <translation>書籤</translation>
    </message>
    <message>
        <source>History</source>
        <translation>閱讀記錄</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Filter by title, note or folder</source>
        <translation>按標題、筆記或資料夾篩選</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <source>By title</source>
        <translation>按標題</translation>
    </message>
    <message>
        <source>(no longer in the library)</source>
        <translation>（已不在資料庫中）</translation>
    </message>
    <message>
        <source>Write a note and press Enter</source>
        <translation>寫下筆記後按回車</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>編輯筆記</translation>
    </message>
    <message>
        <source>Move to folder</source>
        <translation>移到資料夾</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Nothing read yet.</source>
        <translation>還沒有閱讀記錄。</translation>
    </message>
    <message>
        <source>Clear history…</source>
        <translation>清除閱讀記錄……</translation>
    </message>
    <message>
        <source>All folders</source>
        <translation>全部資料夾</translation>
    </message>
    <message>
        <source>No folder</source>
        <translation>未分類</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No bookmarks match.</source>
        <translation>沒有符合條件的書籤。</translation>
    </message>
    <message>
        <source>No bookmarks yet. Use the star or Ctrl+D to bookmark what you are reading.</source>
        <translation>還沒有書籤。點選星標或按 Ctrl+D，可以把正在閱讀的內容加入書籤。</translation>
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
        <translation>“%1”已不在資料庫中；書籤和筆記仍然保留。</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>已刪除“%1”。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤銷</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新增資料夾</translation>
    </message>
    <message>
        <source>Name of the new folder:</source>
        <translation>新資料夾的名稱：</translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation>新增資料夾……</translation>
    </message>
    <message>
        <source>“%1” is no longer in the library.</source>
        <translation>“%1”已不在資料庫中。</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>清除閱讀記錄</translation>
    </message>
    <message>
        <source>Forget every article you have read? Your bookmarks and notes are kept.</source>
        <translation>要清除全部閱讀記錄嗎？書籤和筆記會保留。</translation>
    </message>
    <message>
        <source>(partly unreadable)</source>
        <translation>（部分無法讀取）</translation>
    </message>
</context>
<context>
    <name>CountdownDialog</name>
    <message>
        <source>Continue reading?</source>
        <extracomment>Actions that lead out of the app or to the file system: never available in a kiosk. Keys that close, switch or un-fullscreen windows elsewhere; eaten before any widget sees them. Shortcut hints in the desktop&apos;s words: &quot;(Ctrl+K)&quot;, &quot;（回车）&quot;, &quot;or Ctrl+D&quot;, &quot;或按 Ctrl+D&quot;, &quot;后按回车&quot;.</extracomment>
        <translation>繼續閱讀嗎？</translation>
    </message>
    <message>
        <source>Keep reading</source>
        <translation>繼續閱讀</translation>
    </message>
    <message>
        <source>In %1 seconds this page closes and the reader starts again for the next person.</source>
        <translation>%1 秒後將關閉本頁並回到首頁，留給下一位讀者。</translation>
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
        <translation>已重新載入 %1</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>its id changed to %1</source>
        <translation>它的 id 改成了 %1</translation>
    </message>
    <message>
        <source>%1 has a problem; showing the last good version: %2</source>
        <translation>%1 有問題，仍顯示上一個正確的版本：%2</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in page:</source>
        <translation>頁內尋找：</translation>
    </message>
    <message>
        <source>Find in page</source>
        <translation>頁內尋找</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一個</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一個</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 處，共 %2 處</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>沒有找到</translation>
    </message>
</context>
<context>
    <name>InfoBar</name>
    <message>
        <source>Copy address</source>
        <translation>複製地址</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Print</source>
        <translation>列印</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>診所</translation>
    </message>
    <message>
        <source>HealthReader</source>
        <translation>健康閱讀器</translation>
    </message>
    <message>
        <source>Health information</source>
        <translation>健康知識</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>電話：%1</translation>
    </message>
    <message>
        <source>The kiosk settings file has problems; safe settings are in use. Please tell the staff: %1</source>
        <translation>自助閱讀機設定檔案有誤，已改用安全設定。請告知工作人員：%1</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高對比度</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>(kiosk preview)</source>
        <translation>（自助機預覽）</translation>
    </message>
    <message>
        <source>The last page is still being printed. Please wait a moment.</source>
        <translation>上一份還在列印，請稍等。</translation>
    </message>
    <message>
        <source>Looking for the printer…</source>
        <translation>正在查詢印表機…</translation>
    </message>
    <message>
        <source>No printer is available. Please ask the staff for a printed copy.</source>
        <translation>沒有可用的印表機。如需紙質版，請向工作人員索取。</translation>
    </message>
    <message>
        <source>Sending the pages to the printer…</source>
        <translation>正在把頁面傳送到印表機…</translation>
    </message>
    <message>
        <source>Print “%1” on the clinic&apos;s printer?</source>
        <translation>用診所的印表機列印《%1》嗎？</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No exit PIN is set in the kiosk settings. Ask the administrator.</source>
        <translation>自助閱讀機設定中沒有退出密碼，請聯絡管理員。</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in %1 seconds.</source>
        <translation>密碼錯誤，請 %1 秒後再試。</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before a pause.</source>
        <translation>密碼錯誤。再錯 %1 次將暫停輸入。</translation>
    </message>
</context>
<context>
    <name>LibraryUpdates</name>
    <message>
        <source>installed %1</source>
        <translation>已安裝 %1</translation>
    </message>
    <message>
        <source>Refused: not a HealthReader pack.</source>
        <translation>已拒絕：這不是 HealthReader 內容包。</translation>
    </message>
    <message>
        <source>Refused: the file is incomplete (still copying, or a broken download).</source>
        <translation>已拒絕：檔案不完整（還在複製中，或下載不完整）。</translation>
    </message>
    <message>
        <source>Refused: the pack is not signed.</source>
        <translation>已拒絕：內容包沒有簽名。</translation>
    </message>
    <message>
        <source>Refused: signed with a key this PC does not trust.</source>
        <translation>已拒絕：簽名所用的金鑰不受本機信任。</translation>
    </message>
    <message>
        <source>Refused: the pack was changed after it was signed.</source>
        <translation>已拒絕：內容包在簽名後被改動過。</translation>
    </message>
    <message>
        <source>Refused: older than the library in use.</source>
        <translation>已拒絕：比正在使用的文章庫舊。</translation>
    </message>
    <message>
        <source>Refused: this HealthReader is too old for the pack.</source>
        <translation>已拒絕：本機的 HealthReader 版本太舊，無法使用這個內容包。</translation>
    </message>
    <message>
        <source>Refused: the file cannot be read.</source>
        <translation>已拒絕：無法讀取檔案。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Heading level %1, %2</source>
        <translation>%1 級標題，%2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已開啟：%1</translation>
    </message>
    <message>
        <source>Section: %1</source>
        <translation>小節：%1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>連結：%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>opens this result</source>
        <translation>開啟這條結果</translation>
    </message>
    <message>
        <source>searches for %1</source>
        <translation>搜尋 %1</translation>
    </message>
    <message>
        <source>opens this entry</source>
        <translation>開啟該條目</translation>
    </message>
    <message>
        <source>opens %1</source>
        <translation>開啟 %1</translation>
    </message>
    <message>
        <source>goes to a section of this page</source>
        <translation>跳至本頁的一個小節</translation>
    </message>
    <message>
        <source>outside address, not opened: %1</source>
        <translation>外部網址，不會開啟：%1</translation>
    </message>
    <message>
        <source>HealthReader</source>
        <translation>健康閱讀器</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>No more headings</source>
        <translation>後面沒有標題了</translation>
    </message>
    <message>
        <source>No headings before this</source>
        <translation>前面沒有標題了</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>導航</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>轉到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>This entry could not be read: %1</source>
        <translation>無法讀取這篇內容：%1</translation>
    </message>
    <message>
        <source>%1 — HealthReader</source>
        <translation>%1 — 健康閱讀器</translation>
    </message>
    <message>
        <source>HealthReader works offline and does not open web pages. The address is: %1</source>
        <translation>健康閱讀器離線使用，不會開啟網頁。連結地址是：%1</translation>
    </message>
    <message>
        <source>shows the next results below these</source>
        <translation>在下方顯示後面的結果</translation>
    </message>
    <message>
        <source>Bookmarks and history</source>
        <translation>書籤和閱讀記錄</translation>
    </message>
    <message>
        <source>Warning box: %1</source>
        <translation>警示框：%1</translation>
    </message>
    <message>
        <source>Note box: %1</source>
        <translation>說明框：%1</translation>
    </message>
    <message>
        <source>Bookmark removed: %1</source>
        <translation>已取消收藏：%1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤銷</translation>
    </message>
    <message>
        <source>Bookmarked: %1</source>
        <translation>已收藏：%1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Search is ready</source>
        <translation>搜尋已就緒</translation>
    </message>
    <message>
        <source>Preparing search… %1%</source>
        <translation>正在準備搜尋…… %1%</translation>
    </message>
    <message>
        <source>Preparing search: %1 of %2 entries</source>
        <translation>正在準備搜尋：%1 / %2 篇</translation>
    </message>
    <message>
        <source>Search is unavailable</source>
        <translation>搜尋暫不可用</translation>
    </message>
    <message>
        <source>Search is unavailable: %1</source>
        <translation>搜尋暫不可用：%1</translation>
    </message>
    <message>
        <source>Text size %1%</source>
        <translation>字號 %1%</translation>
    </message>
    <message>
        <source>HealthReader %1
An offline reader for health information.</source>
        <translation>健康閱讀器 %1
離線閱讀健康資料。</translation>
    </message>
    <message>
        <source>About HealthReader</source>
        <translation>關於健康閱讀器</translation>
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
        <translation>問答</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>審核日期</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>審核人</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次複審</translation>
    </message>
    <message>
        <source>Due for review</source>
        <translation>內容待複審</translation>
    </message>
    <message>
        <source>The date for this entry&apos;s next medical review has passed: some of it may be out of date.</source>
        <translation>本條目已過預定的複審日期，部分內容可能已經過時。</translation>
    </message>
    <message>
        <source>When to get medical help</source>
        <translation>什麼情況需要就醫</translation>
    </message>
    <message>
        <source>Call 120 now</source>
        <translation>立即撥打120</translation>
    </message>
    <message>
        <source>See a doctor today</source>
        <translation>當天就醫</translation>
    </message>
    <message>
        <source>See a doctor within a few days</source>
        <translation>儘快就診（幾天內）</translation>
    </message>
    <message>
        <source>This entry is too long or too deeply nested to show with its formatting; it is shown as plain text.</source>
        <translation>這篇條目太長或層次太多，無法按原格式顯示，下面以純文字顯示。</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>參考資料</translation>
    </message>
    <message>
        <source>Disclaimer</source>
        <translation>免責宣告</translation>
    </message>
    <message>
        <source>About this library</source>
        <translation>關於本資料庫</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>從這裡開始</translation>
    </message>
    <message>
        <source>Recently read</source>
        <translation>最近閱讀</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} 篇</translation>
    </message>
    <message>
        <source>You are offline</source>
        <translation>離線閱讀</translation>
    </message>
    <message>
        <source>HealthReader works without a network and does not open web pages. The address is:</source>
        <translation>健康閱讀器無需連網，也不會開啟網頁。連結地址是：</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>後退</translation>
    </message>
    <message>
        <source>Entry not found</source>
        <translation>找不到這篇內容</translation>
    </message>
    <message>
        <source>The library has no entry with this id:</source>
        <translation>資料庫中沒有這個編號的內容：</translation>
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
        <translation>僅限工作人員：退出自助閱讀模式</translation>
    </message>
    <message>
        <source>Enter the staff PIN</source>
        <translation>請輸入工作人員密碼</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Staff view</source>
        <translation>工作人員頁面</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>正在核對密碼…</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>The printing service of this computer does not answer. You can save the article as a PDF and print it later.</source>
        <translation>本機的列印服務沒有回應。您可以先把文章儲存為 PDF，稍後再列印。</translation>
    </message>
    <message>
        <source>The printing service of this computer is not running. You can save the article as a PDF and print it elsewhere.</source>
        <translation>本機的列印服務沒有執行。您可以把文章儲存為 PDF，在別處列印。</translation>
    </message>
    <message>
        <source>Sending “%1” to the printer %2…</source>
        <translation>正在把「%1」傳送到印表機 %2…</translation>
    </message>
    <message>
        <source>This section is no longer in the article.</source>
        <translation>文章中已經沒有這一節。</translation>
    </message>
    <message>
        <source>Open an article or a question first; then you can print it or save it as a PDF.</source>
        <translation>請先開啟一篇文章或問答，然後才能列印或儲存為 PDF。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>儲存為 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>列印</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>沒有印表機</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>儲存為 PDF……</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <source>The printer is out of paper. Please tell the staff.</source>
        <translation>印表機缺紙，請告訴工作人員。</translation>
    </message>
    <message>
        <source>The paper is jammed in the printer. Please tell the staff.</source>
        <translation>印表機卡紙了，請告訴工作人員。</translation>
    </message>
    <message>
        <source>The printer is out of ink or toner. Please tell the staff.</source>
        <translation>印表機沒有墨水或墨粉了，請告訴工作人員。</translation>
    </message>
    <message>
        <source>A cover of the printer is open. Please tell the staff.</source>
        <translation>印表機的蓋子開著，請告訴工作人員。</translation>
    </message>
    <message>
        <source>The printer is switched off or not connected. Please tell the staff.</source>
        <translation>印表機沒有開機或沒有連線，請告訴工作人員。</translation>
    </message>
    <message>
        <source>The printer reported an error and did not print. Please tell the staff.</source>
        <translation>印表機出錯，沒有列印，請告訴工作人員。</translation>
    </message>
    <message>
        <source>The printer has stopped. Please tell the staff.</source>
        <translation>印表機已暫停，請告訴工作人員。</translation>
    </message>
    <message>
        <source>The printer is out of paper. The pages will print once paper is loaded.</source>
        <translation>印表機缺紙。放好紙後會接著列印。</translation>
    </message>
    <message>
        <source>The paper is jammed in the printer. The pages will print once it is cleared.</source>
        <translation>印表機卡紙。取出卡住的紙後會接著列印。</translation>
    </message>
    <message>
        <source>The printer is out of ink or toner. The pages will print once it is replaced.</source>
        <translation>印表機墨水或碳粉用完了。換上新的後會接著列印。</translation>
    </message>
    <message>
        <source>A cover of the printer is open. The pages will print once it is closed.</source>
        <translation>印表機的蓋子開著。蓋好後會接著列印。</translation>
    </message>
    <message>
        <source>The printer is switched off or not connected. The pages will print once it is back.</source>
        <translation>印表機沒有開機或沒有連線。開機並連好後會接著列印。</translation>
    </message>
    <message>
        <source>The printer reported an error and has not printed the pages.</source>
        <translation>印表機回報了錯誤，還沒有列印這些頁面。</translation>
    </message>
    <message>
        <source>The printer has stopped. The pages will print once it is started again.</source>
        <translation>印表機已暫停。重新啟用後會接著列印。</translation>
    </message>
    <message>
        <source>The printer is not taking print jobs now. Nothing was printed.</source>
        <translation>印表機現在不接受列印工作，沒有列印任何內容。</translation>
    </message>
    <message>
        <source>The printer has not printed the pages yet.</source>
        <translation>印表機還沒有列印這些頁面。</translation>
    </message>
    <message>
        <source>Printed %1 page(s). Please collect them at the printer.</source>
        <translation>已列印 %1 頁，請到印表機處取件。</translation>
    </message>
    <message>
        <source>Printed %1 page(s).</source>
        <translation>已列印 %1 頁。</translation>
    </message>
    <message>
        <source>The printer has not printed the pages yet. Please tell the staff.</source>
        <translation>印表機還沒有打出這些頁面，請告訴工作人員。</translation>
    </message>
    <message>
        <source>The print job was cancelled; nothing will print.</source>
        <translation>列印任務已取消，不會列印任何內容。</translation>
    </message>
    <message>
        <source>The printer is not taking print jobs now. Nothing was printed. Please tell the staff.</source>
        <translation>印表機現在不接受列印任務，沒有列印任何內容。請告訴工作人員。</translation>
    </message>
    <message>
        <source>That printer is not set up on this computer. Nothing was printed.</source>
        <translation>這臺電腦上沒有設定這臺印表機，沒有列印任何內容。</translation>
    </message>
    <message>
        <source>The printing service of this computer is not running. Nothing was printed.</source>
        <translation>這臺電腦的列印服務沒有執行，沒有列印任何內容。</translation>
    </message>
    <message>
        <source>The printing service does not answer. Nothing may print; please tell the staff.</source>
        <translation>列印服務不響應，可能不會列印，請告訴工作人員。</translation>
    </message>
    <message>
        <source>The page could not be printed. Please tell the staff.</source>
        <translation>無法列印，請告訴工作人員。</translation>
    </message>
    <message>
        <source>Waiting for the printer…</source>
        <translation>正在等待印表機…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在列印…</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>已列印。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The article “%1” has no section “%2”.</source>
        <translation>文章“%1”中沒有“%2”這一節。</translation>
    </message>
    <message>
        <source>Page %1</source>
        <comment>%1 is &apos;page/pages&apos;, e.g. 2/5</comment>
        <translation>第 %1 頁</translation>
    </message>
    <message>
        <source>The printer or file could not be opened for printing.</source>
        <translation>無法開啟印表機或檔案進行列印。</translation>
    </message>
    <message>
        <source>The PDF could not be saved: the disk is full. Free some space or choose another place.</source>
        <translation>無法儲存 PDF：磁碟已滿。請清理空間或換一個位置。</translation>
    </message>
    <message>
        <source>The PDF could not be saved: you may not write to the folder “%2”. Choose another place.</source>
        <translation>無法儲存 PDF：沒有權限寫入資料夾“%2”。請換一個位置。</translation>
    </message>
    <message>
        <source>The PDF could not be saved: the folder “%2” does not exist.</source>
        <translation>無法儲存 PDF：資料夾“%2”不存在。</translation>
    </message>
    <message>
        <source>The PDF could not be saved to “%1”.</source>
        <translation>無法把 PDF 儲存到“%1”。</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. You can save the article as a PDF and print it elsewhere.</source>
        <translation>這臺電腦沒有設定印表機。您可以把文章儲存為 PDF，再到別處列印。</translation>
    </message>
    <message>
        <source>The printer reported an error. Check that it is switched on and has paper.</source>
        <translation>印表機報告了錯誤。請檢查印表機是否已開機、是否有紙。</translation>
    </message>
    <message>
        <source>Print preview: %1 – %2</source>
        <translation>列印預覽：%1 – %2</translation>
    </message>
    <message>
        <source>Print preview: %1</source>
        <translation>列印預覽：%1</translation>
    </message>
    <message>
        <source>Scan the code to read this entry again.</source>
        <translation>掃描 QR 碼，可以再次閱讀這篇內容。</translation>
    </message>
    <message>
        <source>Entry %1 · library version %2 · printed %3</source>
        <translation>條目 %1 · 資料庫版本 %2 · 列印於 %3</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <source>Open this page on your phone</source>
        <translation>在手機上開啟這個網頁</translation>
    </message>
    <message>
        <source>HealthReader does not open web pages. Scan the code with your phone&apos;s camera:</source>
        <translation>健康閱讀器不開啟網頁。請用手機相機掃描 QR 碼：</translation>
    </message>
    <message>
        <source>QR code of %1</source>
        <translation>%1 的 QR 碼</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>QueueChoice</name>
    <message>
        <source>Printer</source>
        <translation>印表機</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份數</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>列印</translation>
    </message>
    <message>
        <source>Print on the chosen printer</source>
        <translation>在所選的印表機上列印</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>印表機：</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>份數：</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>There is nothing to read on this page.</source>
        <translation>這一頁沒有可朗讀的內容。</translation>
    </message>
    <message>
        <source>Reading speed %1 (from -5 to 5)</source>
        <translation>朗讀速度 %1（-5 到 5）</translation>
    </message>
    <message>
        <source>Reading aloud stopped: %1</source>
        <translation>朗讀已停止：%1</translation>
    </message>
    <message>
        <source>This computer has no speech engine, so it cannot read aloud. (For the administrator: install speech-dispatcher and espeak-ng.)</source>
        <translation>這臺電腦沒有語音引擎，無法朗讀。（請管理員安裝 speech-dispatcher 和 espeak-ng。）</translation>
    </message>
    <message>
        <source>This computer has no speakers or sound device, so it cannot read aloud.</source>
        <translation>這臺電腦沒有喇叭或音效卡，無法朗讀。</translation>
    </message>
    <message>
        <source>This computer has no Chinese voice, so it cannot read aloud. (For the administrator: install espeak-ng with its Mandarin voice.)</source>
        <translation>這臺電腦沒有可用的中文語音，無法朗讀。（請管理員安裝 espeak-ng 及其國語語音。）</translation>
    </message>
    <message>
        <source>The speech service could not start (%1), so it cannot read aloud.</source>
        <translation>語音服務無法啟動（%1），無法朗讀。</translation>
    </message>
    <message>
        <source>The speech service is not answering, so reading aloud has stopped. Try again later.</source>
        <translation>語音服務沒有回應，朗讀已停止。請稍後再試。</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>停止朗讀</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>停止朗讀</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <source>The speech service is not answering.</source>
        <translation>語音服務沒有回應。</translation>
    </message>
    <message>
        <source>Resume reading</source>
        <translation>繼續朗讀</translation>
    </message>
    <message>
        <source>Pause reading</source>
        <translation>暫停朗讀</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Search: %1</source>
        <translation>搜尋：%1</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>類型：</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>分類：</translation>
    </message>
    <message>
        <source>Showing results for %1.</source>
        <translation>顯示 %1 的結果。</translation>
    </message>
    <message>
        <source>Search exactly for “%1” instead</source>
        <translation>仍然搜尋“%1”</translation>
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
        <translation>問答</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>全部分類</translation>
    </message>
    <message>
        <source>Type a word to search for, for example 面瘫 or jrws.</source>
        <translation>請輸入要搜尋的詞，例如“面癱”或拼音首字母“jrws”。</translation>
    </message>
    <message>
        <source>Search is being repaired; please try again in a moment.</source>
        <translation>搜尋正在修復，請稍後再試。</translation>
    </message>
    <message>
        <source>%1 results</source>
        <translation>共 %1 條結果</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>沒有找到：%1</translation>
    </message>
    <message>
        <source>Nothing in the library matches these words.</source>
        <translation>資料庫中沒有找到與這些詞相符的內容。</translation>
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
        <translation>問答</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜尋……</translation>
    </message>
    <message>
        <source>You could try:</source>
        <translation>可以這樣試試：</translation>
    </message>
    <message>
        <source>fewer words: only the one that matters most, such as 面瘫 instead of 面瘫多久能好</source>
        <translation>少打幾個字，只寫最關心的那個詞，例如「面癱」而不是「面癱多久能好」</translation>
    </message>
    <message>
        <source>pinyin or its initials, such as mianpi or jrws for 肌肉萎缩</source>
        <translation>用拼音或拼音首字母，例如 mianpi，或用 jrws 找「肌肉萎縮」</translation>
    </message>
    <message>
        <source>another character, if the input method picked one that sounds the same</source>
        <translation>看看有沒有打錯字：輸入法可能選了讀音相同的別的字</translation>
    </message>
    <message>
        <source>Or browse a topic:</source>
        <translation>或者按主題瀏覽：</translation>
    </message>
    <message>
        <source>Nothing with these filters.</source>
        <translation>在所選的類型和分類裡沒有找到。</translation>
    </message>
    <message>
        <source>Search everything for “%1”</source>
        <translation>在全部內容中搜尋「%1」</translation>
    </message>
    <message>
        <source>More results</source>
        <translation>更多結果</translation>
    </message>
    <message>
        <source>Showing %1 of %2.</source>
        <translation>已顯示 %1 條，共 %2 條。</translation>
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
        <translation>問答</translation>
    </message>
    <message>
        <source>Search: words, pinyin or initials (Ctrl+K)</source>
        <translation>搜尋：詞語、拼音或首字母（Ctrl+K）</translation>
    </message>
    <message>
        <source>Preparing search…</source>
        <translation>正在準備搜尋……</translation>
    </message>
    <message>
        <source>All results for “%1” (Enter)</source>
        <translation>檢視“%1”的全部結果（Enter）</translation>
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
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>Each command and the keys that run it</source>
        <translation>每個命令及執行它的按鍵</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sections</source>
        <translation>本文目錄</translation>
    </message>
    <message>
        <source>Sections of this entry</source>
        <translation>本文的各個小節</translation>
    </message>
    <message>
        <source>Related questions and articles</source>
        <translation>相關問答與文章</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>Bookmark this section</source>
        <translation>收藏這一節</translation>
    </message>
    <message>
        <source>Print this section…</source>
        <translation>列印這一節……</translation>
    </message>
    <message>
        <source>Save this section as PDF…</source>
        <translation>把這一節儲存為 PDF……</translation>
    </message>
</context>
<context>
    <name>SpellingWords</name>
    <message>
        <source>Words for what you are typing</source>
        <translation>與正在輸入的拼音相符的詞語</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Staff view</source>
        <translation>工作人員頁面</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文章庫</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Back to the reader</source>
        <translation>返回閱讀</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>正在使用：%1</translation>
    </message>
    <message>
        <source>No content pack is installed: the library that came with the app is in use.</source>
        <translation>沒有安裝內容包：正在使用應用自帶的文章庫。</translation>
    </message>
    <message>
        <source>A newer library is installed; the kiosk switches to it at the next idle reset.</source>
        <translation>已安裝更新的文章庫，自助閱讀機會在下次空閒重置時切換。</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>安裝</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>回退</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
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
        <translation>條目數</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>金鑰</translation>
    </message>
    <message>
        <source>From the watched folder:</source>
        <translation>來自監視資料夾：</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Search statistics are off. The kiosk policy turns them on (search_stats = true) only with the clinic&apos;s consent.</source>
        <translation>搜尋統計已關閉。只有在診所同意後，才能在自助閱讀機策略中開啟（search_stats = true）。</translation>
    </message>
    <message>
        <source>The last %1 days, counted on this PC only. Searches made fewer than 3 times are not shown.</source>
        <translation>最近 %1 天，只在本機統計。少於 3 次的搜尋不顯示。</translation>
    </message>
    <message>
        <source>Searches that found nothing (what to write next):</source>
        <translation>沒有找到結果的搜尋（下一步該寫的內容）：</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋詞</translation>
    </message>
    <message>
        <source>Found nothing</source>
        <translation>沒有結果</translation>
    </message>
    <message>
        <source>Most frequent searches:</source>
        <translation>最常見的搜尋：</translation>
    </message>
</context>
<context>
    <name>UserData</name>
    <message>
        <source>the disk is full. Free some space and try again; everything saved before is safe.</source>
        <translation>磁碟已滿。請騰出一些空間後再試；之前儲存的內容都安然無恙。</translation>
    </message>
    <message>
        <source>the bookmarks file or its folder is read-only. What was saved before can still be read.</source>
        <translation>書籤檔案或它所在的資料夾是唯讀的。之前儲存的內容仍然可以檢視。</translation>
    </message>
    <message>
        <source>another HealthReader window is busy with the same file. Try again in a moment.</source>
        <translation>另一個健康閱讀器視窗正在使用同一個檔案。請稍後再試。</translation>
    </message>
    <message>
        <source>the bookmarks file is damaged. Restart HealthReader to have it checked and, if need be, set aside.</source>
        <translation>書籤檔案已損壞。請重新啟動健康閱讀器：它會檢查這個檔案，必要時把它另外保留起來。</translation>
    </message>
    <message>
        <source>the computer reported an error (%1).</source>
        <translation>電腦報告了一個錯誤（%1）。</translation>
    </message>
    <message>
        <source>Your bookmarks and history could not be opened:</source>
        <translation>無法開啟您的書籤和閱讀記錄：</translation>
    </message>
    <message>
        <source>Your bookmarks and history could not be read:</source>
        <translation>無法讀取您的書籤和閱讀記錄：</translation>
    </message>
    <message>
        <source>This change could not be saved:</source>
        <translation>這次更改沒能儲存：</translation>
    </message>
    <message>
        <source>This cannot be saved: %1</source>
        <translation>無法儲存：%1</translation>
    </message>
    <message>
        <source>Something went wrong with your bookmarks: %1</source>
        <translation>書籤出了問題：%1</translation>
    </message>
    <message>
        <source>The disk is full: your bookmarks and history can be read, but changes cannot be saved until some space is freed.</source>
        <translation>磁碟已滿：您可以檢視書籤和閱讀記錄，但在騰出空間之前無法儲存更改。</translation>
    </message>
    <message>
        <source>Your bookmarks and history can be read but not changed: the bookmarks file or its folder is read-only.</source>
        <translation>您的書籤和閱讀記錄可以檢視，但不能更改：書籤檔案或它所在的資料夾是唯讀的。</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁碟是唯讀的</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>沒有權限寫入那裡</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁碟已滿</translation>
    </message>
    <message>
        <source>HealthReader could not create its folder for your data (%1), so it is using a temporary one. Nothing you do in this session will be kept: bookmarks, reading history and settings are lost when HealthReader closes.</source>
        <translation>健康閱讀器無法建立儲存您資料的資料夾（%1），現在使用的是一個暫存資料夾。這次使用中的一切都不會保留：關閉健康閱讀器後，書籤、閱讀記錄和設定都會遺失。</translation>
    </message>
    <message>
        <source>The folder with your data (%1) is read-only. Your bookmarks can be read, but nothing new will be kept.</source>
        <translation>儲存您資料的資料夾（%1）是唯讀的。您可以檢視書籤，但新的內容都不會保留。</translation>
    </message>
    <message>
        <source>Your settings could not be read, so the defaults are used.</source>
        <translation>您的設定無法讀取，已改用預設設定。</translation>
    </message>
    <message>
        <source>Your settings could not be read, so the defaults are used. The old file was kept as %1.</source>
        <translation>您的設定無法讀取，已改用預設設定。原來的檔案已保留為 %1。</translation>
    </message>
</context>
</TS>
