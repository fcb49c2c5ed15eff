<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that qtbase_zh_TW.qm (from PySide6) lacks: Qt 6 changed their sources, so its
     file dialog showed "Look in:", "Files of type:" and the type "Folder" in English, and its print dialog
     "Page Set:", "Pages per sheet:" and the CUPS job options.  Loaded after qtbase's, so these win.
     Also one correction: qtbase_zh_TW says 校對 (proofread) for "Collate"; Taiwan's print dialogs say 自動分頁.
     Built with: python tools/i18n.py release -->
<TS version="2.1" language="zh_TW">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>尋找於(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>檔案類型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>磁碟機</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>列印頁面(&amp;S)：</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>雙面列印</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>長邊裝訂</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>短邊裝訂</translation>
    </message>
    <message>
        <source>Collate</source>
        <translation>自動分頁</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>頁面順序(&amp;O)：</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>每張頁數(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>排定列印(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Billing information:</source>
        <translation>帳單資訊(&amp;B)：</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>作業優先順序(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>開始(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>結束(&amp;E)：</translation>
    </message>
</context>
</TS>
