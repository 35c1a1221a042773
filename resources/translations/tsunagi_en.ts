<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
    <context>
        <name>Admin</name>
        <message>
            <source>1行に1人: 田島 聡子 045-663-8610</source>
            <translation>One per line: Satoko Tajima 045-663-8610</translation>
        </message>
        <message>
            <source>FAX</source>
            <translation>Fax</translation>
        </message>
        <message>
            <source>{name} に仮のパスワードを設定します。本人は次のログインで新しいパスワードに変更します（ロックも解除されます）。</source>
            <translation>{name} gets a temporary password, which they change at their next sign-in (a lock is lifted too).</translation>
        </message>
        <message>
            <source>{name} を無効にします。ログインできなくなり、新しく担当にもできなくなります（記録はそのまま残ります）。</source>
            <translation>{name} will be disabled: they can no longer sign in or be put in charge of a case (their records stay).</translation>
        </message>
        <message>
            <source>{name}（{username}）の仮のパスワード: {password}
本人に伝えてください。</source>
            <translation>Temporary password of {name} ({username}): {password}
Tell it to them.</translation>
        </message>
        <message>
            <source>{name}（{username}）を登録しました。初期パスワード: {password}
本人に伝えてください。最初のログインで本人のパスワードに変更します。</source>
            <translation>Registered {name} ({username}). Initial password: {password}
Tell it to them; they choose their own at the first sign-in.</translation>
        </message>
        <message>
            <source>{n} 件を {source} から {target} へ移しました。</source>
            <translation>Moved {n} cases from {source} to {target}.</translation>
        </message>
        <message>
            <source>{source} の担当 {n} 件を {target} へ移します</source>
            <translation>{n} cases of {source} will move to {target}</translation>
        </message>
        <message>
            <source>「{name}」を無効にします。新しい支援要請の宛先に出なくなります（これまでの支援要請の記録はそのまま残ります）。</source>
            <translation>"{name}" will be disabled: it is no longer offered for new referrals (past referrals stay on record).</translation>
        </message>
        <message>
            <source>ある職員の担当ケースを、まとめて別の職員の担当にします。先に「対象を表示」で移すケースを確かめてください。</source>
            <translation>Moves every case of one staff member to another. Check the cases first with "Show cases".</translation>
        </message>
        <message>
            <source>このデータベースを使う福祉事務所・自立相談支援機関です。職員とケースはいずれかの組織に属し、査察指導員は自分の組織のケースを見ます。</source>
            <translation>The welfare offices and independence support centres using this database. Staff and cases belong to one organisation; supervisors see their own organisation's cases.</translation>
        </message>
        <message>
            <source>はじめての設定をもう一度…</source>
            <translation>First-run set-up again…</translation>
        </message>
        <message>
            <source>ケース番号</source>
            <translation>Case no.</translation>
        </message>
        <message>
            <source>ハローワーク</source>
            <translation>Hello Work</translation>
        </message>
        <message>
            <source>ハローワーク…</source>
            <translation>Hello Work offices…</translation>
        </message>
        <message>
            <source>ハローワークの登録</source>
            <translation>Register a Hello Work office</translation>
        </message>
        <message>
            <source>ハローワークの編集</source>
            <translation>Edit Hello Work office</translation>
        </message>
        <message>
            <source>ハローワークを無効にする</source>
            <translation>Disable Hello Work office</translation>
        </message>
        <message>
            <source>パスワードのリセット</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <source>パスワードをリセット…</source>
            <translation>Reset password…</translation>
        </message>
        <message>
            <source>ユーザー名</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>ユーザー名（半角英数字）</source>
            <translation>User name (letters and digits)</translation>
        </message>
        <message>
            <source>ロック中</source>
            <translation>locked</translation>
        </message>
        <message>
            <source>今日から新しい担当のケースになります。変更は担当の履歴に残ります。</source>
            <translation>From today the case is the new caseworker's. The change is kept in the assignment history.</translation>
        </message>
        <message>
            <source>例: ハローワーク横浜（同意書に書く名前）</source>
            <translation>e.g. Hello Work Yokohama (the name written on consent forms)</translation>
        </message>
        <message>
            <source>例: 中区福祉保健センター長</source>
            <translation>e.g. Director, Naka Ward Health and Welfare Center</translation>
        </message>
        <message>
            <source>例: 中福（文書番号は「中福第○○号」。年度ごとに1から）</source>
            <translation>e.g. the welfare office's symbol (numbers then read &lt;symbol&gt; No. nn, from 1 each fiscal year)</translation>
        </message>
        <message>
            <source>例: 横浜公共職業安定所</source>
            <translation>e.g. Yokohama Public Employment Security Office</translation>
        </message>
        <message>
            <source>例: 横浜公共職業安定所長</source>
            <translation>e.g. Director, Yokohama Public Employment Security Office</translation>
        </message>
        <message>
            <source>例: 横浜市中区福祉保健センター</source>
            <translation>e.g. Yokohama City Naka Ward Health and Welfare Center</translation>
        </message>
        <message>
            <source>例: 生活支援課 就労支援担当（送付書と担当者欄に印刷）</source>
            <translation>e.g. Livelihood Support Division, Employment Support (printed on the cover letter and the contact lines)</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>公印</source>
            <translation>Seal</translation>
        </message>
        <message>
            <source>公印省略（書類に「公印省略」と印刷。外すと押印欄を印刷）</source>
            <translation>Seal omitted (forms say so; untick to print a box for the official seal)</translation>
        </message>
        <message>
            <source>内線</source>
            <translation>Extension</translation>
        </message>
        <message>
            <source>初回のパスワード変更待ち</source>
            <translation>must change password</translation>
        </message>
        <message>
            <source>初期パスワードを入力してください</source>
            <translation>Enter an initial password</translation>
        </message>
        <message>
            <source>初期パスワード（本人が最初のログインで変更）</source>
            <translation>Initial password (changed by them at the first sign-in)</translation>
        </message>
        <message>
            <source>前の担当</source>
            <translation>Previous caseworker</translation>
        </message>
        <message>
            <source>変更する</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>宛先</source>
            <translation>Addressed to</translation>
        </message>
        <message>
            <source>対象を表示</source>
            <translation>Show cases</translation>
        </message>
        <message>
            <source>対象者</source>
            <translation>Clients</translation>
        </message>
        <message>
            <source>就職支援ナビゲーター</source>
            <translation>Job placement navigators</translation>
        </message>
        <message>
            <source>所在地</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>所属</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>所長の職名（支援要請書の宛先）</source>
            <translation>Head's title (the referral is addressed to it)</translation>
        </message>
        <message>
            <source>押印欄</source>
            <translation>seal box</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>担当: {name}　組織: {org}</source>
            <translation>Caseworker: {name}   Organisation: {org}</translation>
        </message>
        <message>
            <source>担当の一括変更</source>
            <translation>Move a caseload</translation>
        </message>
        <message>
            <source>担当の一括変更（人事異動）…</source>
            <translation>Move a caseload (staff changes)…</translation>
        </message>
        <message>
            <source>担当の変更</source>
            <translation>Change caseworker</translation>
        </message>
        <message>
            <source>担当の履歴</source>
            <translation>Assignment history</translation>
        </message>
        <message>
            <source>担当を変更…</source>
            <translation>Change caseworker…</translation>
        </message>
        <message>
            <source>担当課・係</source>
            <translation>Section</translation>
        </message>
        <message>
            <source>支援要請先のハローワーク</source>
            <translation>Hello Work office to refer to</translation>
        </message>
        <message>
            <source>支援要請先のハローワークがまだ登録されていません。今、登録しますか？</source>
            <translation>No Hello Work office is registered yet. Register one now?</translation>
        </message>
        <message>
            <source>支援要請先のハローワークがまだ登録されていません。管理者または査察指導員に、管理 → ハローワーク での登録を依頼してください。</source>
            <translation>No Hello Work office is registered yet. Ask an administrator or a supervisor to register one under Administration → Hello Work offices.</translation>
        </message>
        <message>
            <source>支援要請先のハローワークです。使われなくなったハローワークは無効にします（記録に残るため削除はしません）。</source>
            <translation>The Hello Work offices referrals go to. An office no longer used is disabled, not deleted (records name it).</translation>
        </message>
        <message>
            <source>支援要請書などの書類に、発信者として印刷されます。</source>
            <translation>Printed as the issuer on referrals and the other forms.</translation>
        </message>
        <message>
            <source>支援要請書は「所長の職名　殿」宛てに印刷されます。同意書の提供先には通称を書きます。</source>
            <translation>Referrals are addressed to the head's title; consent forms name the office by the name people use.</translation>
        </message>
        <message>
            <source>文書記号</source>
            <translation>Document symbol</translation>
        </message>
        <message>
            <source>新しい担当</source>
            <translation>New caseworker</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>最終ログイン</source>
            <translation>Last sign-in</translation>
        </message>
        <message>
            <source>有効</source>
            <translation>active</translation>
        </message>
        <message>
            <source>有効に戻す</source>
            <translation>Enable again</translation>
        </message>
        <message>
            <source>権限</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>正式名称</source>
            <translation>Official name</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>無効</source>
            <translation>disabled</translation>
        </message>
        <message>
            <source>無効にしたものも表示</source>
            <translation>Show disabled ones too</translation>
        </message>
        <message>
            <source>無効にする</source>
            <translation>Disable</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>登録</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>省略</source>
            <translation>omitted</translation>
        </message>
        <message>
            <source>移す</source>
            <translation>Move</translation>
        </message>
        <message>
            <source>移す元</source>
            <translation>From</translation>
        </message>
        <message>
            <source>移す先</source>
            <translation>To</translation>
        </message>
        <message>
            <source>種別</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>管理 — ハローワーク</source>
            <translation>Administration — Hello Work offices</translation>
        </message>
        <message>
            <source>管理 — 担当の一括変更（人事異動）</source>
            <translation>Administration — Move a caseload (staff changes)</translation>
        </message>
        <message>
            <source>管理 — 組織</source>
            <translation>Administration — Organisations</translation>
        </message>
        <message>
            <source>管理 — 職員</source>
            <translation>Administration — Staff</translation>
        </message>
        <message>
            <source>管理(&amp;A)</source>
            <translation>&amp;Administration</translation>
        </message>
        <message>
            <source>組織</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>組織…</source>
            <translation>Organisations…</translation>
        </message>
        <message>
            <source>組織の登録</source>
            <translation>Register an organisation</translation>
        </message>
        <message>
            <source>組織の編集</source>
            <translation>Edit organisation</translation>
        </message>
        <message>
            <source>編集…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>職員</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>職員…</source>
            <translation>Staff…</translation>
        </message>
        <message>
            <source>職員の登録</source>
            <translation>Register a staff member</translation>
        </message>
        <message>
            <source>職員の登録・変更と、パスワードのリセットです。退職・異動した職員は無効にします（担当ケースは 管理 → 担当の一括変更 で移します）。</source>
            <translation>Register and edit staff, and reset passwords. Staff who left are disabled (move their cases with Administration → Move a caseload).</translation>
        </message>
        <message>
            <source>職員の編集 — {username}</source>
            <translation>Edit staff member — {username}</translation>
        </message>
        <message>
            <source>職員を無効にする</source>
            <translation>Disable staff member</translation>
        </message>
        <message>
            <source>表示した {n} 件の担当を移します。よろしいですか？</source>
            <translation>Move the {n} cases shown?</translation>
        </message>
        <message>
            <source>表示名</source>
            <translation>Display name</translation>
        </message>
        <message>
            <source>表示名（氏名）</source>
            <translation>Display name (full name)</translation>
        </message>
        <message>
            <source>記録した人</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>追加…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>通称</source>
            <translation>Name in use</translation>
        </message>
        <message>
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>長</source>
            <translation>Head</translation>
        </message>
        <message>
            <source>長の氏名</source>
            <translation>Head's name</translation>
        </message>
        <message>
            <source>長の職名</source>
            <translation>Head's title</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>電話</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>（無効）</source>
            <translation> (disabled)</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>この PC のキーチェーンにはデータベースの鍵がありません。データベースのパスフレーズ（または回復キー）を入力してください。</source>
            <translation>This PC's keychain does not hold the database's key. Enter the database passphrase (or the recovery key).</translation>
        </message>
        <message>
            <source>つなぎ</source>
            <translation>Tsunagi</translation>
        </message>
        <message>
            <source>データベースのパスフレーズ（または回復キー）を入力してください</source>
            <translation>Enter the database passphrase (or the recovery key)</translation>
        </message>
        <message>
            <source>予期しない問題</source>
            <translation>Unexpected problem</translation>
        </message>
        <message>
            <source>予期しない問題が発生しました。作業中の変更は保存されていません。詳細を管理者に伝えてください（個人情報は含まれていません）。</source>
            <translation>An unexpected problem occurred. Changes in progress have not been saved. Please pass the details to your administrator (they contain no personal information).</translation>
        </message>
        <message>
            <source>同じ内容をログに記録しました: {path}</source>
            <translation>The same report was written to the log: {path}</translation>
        </message>
    </context>
    <context>
        <name>Audit</name>
        <message>
            <source>{table}（{table_name}）の記録 {id} は、最後の監査記録 #{seq} の後につなぎを通らずに変更されています</source>
            <translation>{table} ({table_name}) record {id} was changed outside Tsunagi after its last audit entry #{seq}</translation>
        </message>
        <message>
            <source>この PC が書き込んだ監査ログ #{seq} が見つからないか、書き換えられています（途中の行の削除や書き換え）</source>
            <translation>Audit log entry #{seq} written by this PC is missing or has been rewritten (a row deleted or changed in the middle)</translation>
        </message>
        <message>
            <source>このアカウントは無効にされたか、権限または所属する組織が変わりました。ログインし直してください</source>
            <translation>This account was disabled, or its role or organisation changed. Sign in again</translation>
        </message>
        <message>
            <source>ほかに {count} 件の記録が同様に変更されています</source>
            <translation>{count} more records were changed the same way</translation>
        </message>
        <message>
            <source>ケース記録</source>
            <translation>Case note</translation>
        </message>
        <message>
            <source>ハローワーク</source>
            <translation>Hello Work office</translation>
        </message>
        <message>
            <source>ハローワークの支援</source>
            <translation>Hello Work's support</translation>
        </message>
        <message>
            <source>プランの見直し</source>
            <translation>Plan review</translation>
        </message>
        <message>
            <source>会議</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>会議で検討したケース</source>
            <translation>Case discussed at a meeting</translation>
        </message>
        <message>
            <source>保護の廃止・減額</source>
            <translation>End or reduction of assistance</translation>
        </message>
        <message>
            <source>協力事業所</source>
            <translation>Cooperating employer</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>Consent</translation>
        </message>
        <message>
            <source>定着確認</source>
            <translation>Retention check</translation>
        </message>
        <message>
            <source>対象者</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <source>就労準備度</source>
            <translation>Work readiness</translation>
        </message>
        <message>
            <source>就職</source>
            <translation>Placement</translation>
        </message>
        <message>
            <source>担当替え</source>
            <translation>Reassignment</translation>
        </message>
        <message>
            <source>支援エピソード</source>
            <translation>Support episode</translation>
        </message>
        <message>
            <source>支援プラン</source>
            <translation>Support plan</translation>
        </message>
        <message>
            <source>支援メニューの記録</source>
            <translation>Support activity</translation>
        </message>
        <message>
            <source>支援要請</source>
            <translation>Referral</translation>
        </message>
        <message>
            <source>支援費用</source>
            <translation>Support cost</translation>
        </message>
        <message>
            <source>監査ログ #{first}〜#{last} は先頭の記録にない行です（あとから追加または書き換えられています）</source>
            <translation>Audit log #{first}–#{last} are beyond the recorded head (added or rewritten afterwards)</translation>
        </message>
        <message>
            <source>監査ログ #{seq} が先頭の記録と一致しません（書き換えられています）</source>
            <translation>Audit log #{seq} does not match the recorded head (rewritten)</translation>
        </message>
        <message>
            <source>監査ログ #{seq} が欠落しています（次は #{next}）</source>
            <translation>Audit log #{seq} is missing (the next is #{next})</translation>
        </message>
        <message>
            <source>監査ログ #{seq} の直前ハッシュが一致しません（前の行が改ざんまたは削除されています）</source>
            <translation>The previous-hash of audit log #{seq} does not match (an earlier row was altered or deleted)</translation>
        </message>
        <message>
            <source>監査ログ #{seq}: 鍵付きの連鎖の始まりが正しくありません</source>
            <translation>Audit log #{seq}: the keyed chain does not start correctly</translation>
        </message>
        <message>
            <source>監査ログ #{seq}（{action}）の内容が改ざんされています</source>
            <translation>The content of audit log #{seq} ({action}) has been altered</translation>
        </message>
        <message>
            <source>監査ログの先頭の記録（{name}）がありません。監査ログの末尾が削除されていても検出できません</source>
            <translation>The audit log's recorded head ({name}) is missing; rows deleted from the end of the log could not be detected</translation>
        </message>
        <message>
            <source>監査ログの先頭の記録（{name}）が壊れています</source>
            <translation>The audit log's recorded head ({name}) is damaged</translation>
        </message>
        <message>
            <source>監査ログの末尾が削除されています（この PC の記録では #{seq} まであります）</source>
            <translation>Rows have been deleted from the end of the audit log (this PC recorded it up to #{seq})</translation>
        </message>
        <message>
            <source>監査ログの末尾が削除されています（記録では #{seq} まであります。現在は #{now} まで）</source>
            <translation>Rows have been deleted from the end of the audit log (recorded up to #{seq}; now up to #{now})</translation>
        </message>
        <message>
            <source>監査ログの鍵がないため検証できません</source>
            <translation>The audit log cannot be verified without its key</translation>
        </message>
        <message>
            <source>監査ログの食い違い（{at}、監査ログ #{seq} に記録）: この PC の先頭の記録は {expected} でしたが、書き込むときの監査ログの先頭は {found} でした。末尾の行の削除や書き換え、古い複製への置き換えが考えられます。原因を確かめたうえで管理者が tsunagi verify --accept-divergence で承認するまで、毎回報告します</source>
            <translation>Audit log divergence ({at}, recorded in audit log entry #{seq}): this PC's record of the head was {expected}, but the audit log's head was {found} when it wrote. Rows may have been deleted or rewritten at the end, or the database replaced with an older copy. This is reported every time until an administrator has looked into it and accepted it with tsunagi verify --accept-divergence</translation>
        </message>
        <message>
            <source>組織</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>職員</source>
            <translation>Staff member</translation>
        </message>
        <message>
            <source>（空）</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <source>（記録なし・読めない）</source>
            <translation>(no record, or unreadable)</translation>
        </message>
    </context>
    <context>
        <name>Auth</name>
        <message>
            <source>「{name}」はまだ今の組織の{count}件のケースを担当しています。先に担当を移してから（担当の一括変更）、組織を変えてください</source>
            <translation>{name} is still in charge of {count} cases of their current organisation. Move them to someone else first (moving a caseload), then change the organisation</translation>
        </message>
        <message>
            <source>「{role}」は自立相談支援機関の職員の権限です（「{organisation}」は{kind}）</source>
            <translation>“{role}” is a role for staff of an independent-living support centre (“{organisation}” is a {kind})</translation>
        </message>
        <message>
            <source>パスワードは{MIN_PASSWORD}文字以上にしてください</source>
            <translation>The password must be at least {MIN_PASSWORD} characters</translation>
        </message>
        <message>
            <source>ユーザー「{username}」は登録されていません</source>
            <translation>User "{username}" is not registered</translation>
        </message>
        <message>
            <source>ユーザー名「{username}」は既に使われています</source>
            <translation>The user name "{username}" is already in use</translation>
        </message>
        <message>
            <source>ユーザー名は半角英数字（- _ . 可）で入力してください</source>
            <translation>Enter the user name in half-width letters and digits (- _ . allowed)</translation>
        </message>
        <message>
            <source>ユーザー名またはパスワードが違います</source>
            <translation>The user name or password is incorrect</translation>
        </message>
        <message>
            <source>ログインの失敗が続いたため、このアカウントは一時的にロックされています。しばらくしてから、または管理者に解除を依頼してください</source>
            <translation>This account is temporarily locked after repeated failed logins. Try again later, or ask an administrator to unlock it</translation>
        </message>
        <message>
            <source>今までと違うパスワードにしてください</source>
            <translation>Choose a password different from the current one</translation>
        </message>
        <message>
            <source>内線番号は数字（とハイフン）16文字以内で入力してください</source>
            <translation>Enter the extension in digits (and hyphens), 16 characters at most</translation>
        </message>
        <message>
            <source>初期パスワード（または管理者がリセットしたパスワード）のままです。使い始める前に、新しいパスワードに変更してください</source>
            <translation>This is an initial password (or one reset by an administrator). Change it to a new password before anything else</translation>
        </message>
        <message>
            <source>所属する組織を選んでください</source>
            <translation>Choose the organisation</translation>
        </message>
        <message>
            <source>権限は {roles} のいずれかです</source>
            <translation>The role must be one of {roles}</translation>
        </message>
        <message>
            <source>現在のパスワードが違います</source>
            <translation>The current password is incorrect</translation>
        </message>
        <message>
            <source>管理者は既に登録されています</source>
            <translation>An administrator is already registered</translation>
        </message>
        <message>
            <source>自分自身のアカウントは無効にできません</source>
            <translation>You cannot deactivate your own account</translation>
        </message>
        <message>
            <source>自分自身の管理者の権限は外せません（ほかの管理者に依頼してください）</source>
            <translation>You cannot take away your own administrator role (ask another administrator)</translation>
        </message>
        <message>
            <source>表示名を入力してください</source>
            <translation>Enter a display name</translation>
        </message>
    </context>
    <context>
        <name>CLI</name>
        <message>
            <source>--episode を指定してください</source>
            <translation>Specify --episode</translation>
        </message>
        <message>
            <source>--pending は packet と組み合わせて使います</source>
            <translation>--pending is used together with packet</translation>
        </message>
        <message>
            <source>.xlsx または .csv（UTF-8 / Shift_JIS）</source>
            <translation>.xlsx or .csv (UTF-8 / Shift_JIS)</translation>
        </message>
        <message>
            <source>1か月</source>
            <translation>One month</translation>
        </message>
        <message>
            <source>1件のケースの担当を変更する</source>
            <translation>Change the caseworker of one case</translation>
        </message>
        <message>
            <source>Excel/CSV の台帳を取り込む（同じファイルの再取込は重複しません）</source>
            <translation>Import an Excel/CSV ledger (importing the same file again adds nothing twice)</translation>
        </message>
        <message>
            <source>OSのキーチェーン</source>
            <translation>the OS keychain</translation>
        </message>
        <message>
            <source>PostgreSQL サーバーを使う（接続を確認してから保存）</source>
            <translation>Use a PostgreSQL server (the connection is checked before saving)</translation>
        </message>
        <message>
            <source>consent: 署名用の白紙の同意書</source>
            <translation>consent: a blank consent form for signing</translation>
        </message>
        <message>
            <source>main = 本所・出張所、satellite = 福祉事務所内などの常設窓口</source>
            <translation>main = main or branch office, satellite = a permanent desk at a welfare office</translation>
        </message>
        <message>
            <source>packet: 未印刷の支援要請すべてを --out のフォルダへ</source>
            <translation>packet: every unprinted referral, into the --out folder</translation>
        </message>
        <message>
            <source>{case_number:&lt;16} 終了 {closed_on}{whole}</source>
            <translation>{case_number:&lt;16} closed {closed_on}{whole}</translation>
        </message>
        <message>
            <source>{caseworker} のユーザー名とパスワードでログインしてください</source>
            <translation>Log in with the user name and password of {caseworker}</translation>
        </message>
        <message>
            <source>{count:,}行を書き出しました: {out}</source>
            <translation>Wrote {count:,} rows: {out}</translation>
        </message>
        <message>
            <source>{files} を消去します。よろしいですか [y/N]: </source>
            <translation>Erase {files}? [y/N]: </translation>
        </message>
        <message>
            <source>{format} 形式には --out で出力先を指定してください</source>
            <translation>For the {format} format, give the output file with --out</translation>
        </message>
        <message>
            <source>{kind}を作りました: {out}</source>
            <translation>Made {kind}: {out}</translation>
        </message>
        <message>
            <source>{label}の実績報告を書き出しました: {out}</source>
            <translation>Wrote the report for {label}: {out}</translation>
        </message>
        <message>
            <source>{message}（tsunagi passwd で変更できます。それまでほかのコマンドは使えません）</source>
            <translation>{message} (run tsunagi passwd; no other command works until then)</translation>
        </message>
        <message>
            <source>{number} を発行しましたが、{path} に書き込めませんでした（{reason}）。番号は発行簿に記録されています</source>
            <translation>{number} was issued, but {path} could not be written ({reason}). The number is recorded in the register</translation>
        </message>
        <message>
            <source>{n} 件を {source} から {target} へ移しました</source>
            <translation>Moved {n} cases from {source} to {target}</translation>
        </message>
        <message>
            <source>{n} 件を {source} から {target} へ移します（--dry-run のため何も変えていません）</source>
            <translation>{n} cases would move from {source} to {target} (--dry-run: nothing changed)</translation>
        </message>
        <message>
            <source>{n}件は「{office}」への情報提供に有効な同意がないため載せていません</source>
            <translation>{n} case(s) left out: no consent in force to share information with {office}</translation>
        </message>
        <message>
            <source>{path} に書き込めません（{reason}）</source>
            <translation>Cannot write to {path} ({reason})</translation>
        </message>
        <message>
            <source>{rejected}行を取り込めませんでした。理由の一覧: {report}</source>
            <translation>{rejected} rows could not be imported. Reasons: {report}</translation>
        </message>
        <message>
            <source>{row}行目 {column}: {reason}</source>
            <translation>Row {row} {column}: {reason}</translation>
        </message>
        <message>
            <source>{row}行目: {reason}</source>
            <translation>Row {row}: {reason}</translation>
        </message>
        <message>
            <source>この PC が使うデータベース（ローカル／サーバー）</source>
            <translation>The database this PC uses (local / server)</translation>
        </message>
        <message>
            <source>この PC のデータベース: {db_path}</source>
            <translation>This PC's database: {db_path}</translation>
        </message>
        <message>
            <source>この PC のデータベースに戻しました: {db_path}</source>
            <translation>Back to this PC's database: {db_path}</translation>
        </message>
        <message>
            <source>この PC のデータベースを新しい PostgreSQL データベースへコピーし、検証する</source>
            <translation>Copy this PC's database into a new PostgreSQL database and verify it</translation>
        </message>
        <message>
            <source>この PC はサーバーを使います: {saved}</source>
            <translation>This PC now uses the server: {saved}</translation>
        </message>
        <message>
            <source>この PC はサーバーを使います: {server}</source>
            <translation>This PC now uses the server: {server}</translation>
        </message>
        <message>
            <source>この組織の分だけを集計する（既定: すべての組織）</source>
            <translation>count this organisation only (default: every organisation)</translation>
        </message>
        <message>
            <source>すべての競合を事務所側・ノートPC側のどちらで解決するか</source>
            <translation>Resolve every conflict in favour of the office or the laptop</translation>
        </message>
        <message>
            <source>すべての設定とその値（JSON）</source>
            <translation>Every setting and its value (JSON)</translation>
        </message>
        <message>
            <source>つなぎ: 就労支援ケース管理</source>
            <translation>Tsunagi: employment support case management</translation>
        </message>
        <message>
            <source>もう一度入力してください: </source>
            <translation>Enter it again: </translation>
        </message>
        <message>
            <source>もう一度実行しますか [y/N]: </source>
            <translation>Run it again? [y/N]: </translation>
        </message>
        <message>
            <source>インストールの自己診断（一時フォルダで DB 作成・PDF 印刷・画面表示）</source>
            <translation>Installation self-test (creates a database, prints a PDF and shows a window in a temporary folder)</translation>
        </message>
        <message>
            <source>エラー: {message}</source>
            <translation>Error: {message}</translation>
        </message>
        <message>
            <source>エラー: 予期しない問題が発生しました（{error}）。詳細はログ {log} を管理者に渡してください。完了していなかった処理の変更は保存されていません</source>
            <translation>Error: an unexpected problem occurred ({error}). Give the log {log} to your administrator. Changes of the step that had not finished were not saved</translation>
        </message>
        <message>
            <source>キットのパスフレーズ: </source>
            <translation>Kit passphrase: </translation>
        </message>
        <message>
            <source>キーチェーンがないため監査ログの鍵は保存していません。TSUNAGI_AUDIT_KEY に指定してください</source>
            <translation>There is no keychain, so the audit key was not saved. Give it in TSUNAGI_AUDIT_KEY</translation>
        </message>
        <message>
            <source>ケース番号 {case_number} の担当を {previous} から {name} に変更しました</source>
            <translation>Case {case_number}: caseworker changed from {previous} to {name}</translation>
        </message>
        <message>
            <source>コピー中 {table}: {n:,} 行</source>
            <translation>Copying {table}: {n:,} rows</translation>
        </message>
        <message>
            <source>コピー後、この PC はサーバーを使う（パスワードはキーチェーンへ）</source>
            <translation>After copying, this PC uses the server (password into the keychain)</translation>
        </message>
        <message>
            <source>サーバー: {server}</source>
            <translation>Server: {server}</translation>
        </message>
        <message>
            <source>サーバーの監査ログの鍵（この一度だけ表示します。ほかの PC で tsunagi server use するときに TSUNAGI_AUDIT_KEY に指定します。紙に控えて保管してください）:</source>
            <translation>The server's audit key (shown only this once; give it in TSUNAGI_AUDIT_KEY when running tsunagi server use on the other PCs; write it down and keep it safe):</translation>
        </message>
        <message>
            <source>サーバーの監査ログの鍵（ほかの PC で tsunagi server use するときに TSUNAGI_AUDIT_KEY に指定します。紙に控えて保管してください）: {key}</source>
            <translation>The server's audit key (give it in TSUNAGI_AUDIT_KEY when running tsunagi server use on the other PCs; write it down and keep it safe): {key}</translation>
        </message>
        <message>
            <source>サーバーの設定を消し、この PC のデータベースに戻る</source>
            <translation>Remove the server setting and go back to this PC's database</translation>
        </message>
        <message>
            <source>サーバーを使うには: tsunagi server use URL（各 PC で）</source>
            <translation>To use the server: tsunagi server use URL (on each PC)</translation>
        </message>
        <message>
            <source>デスクトップアプリを開く（既定）</source>
            <translation>Open the desktop app (default)</translation>
        </message>
        <message>
            <source>デモ以外の記録があるデータベースにも作る（本番のデータベースには使わないでください）</source>
            <translation>Also write into a database holding other records (never use on a real database)</translation>
        </message>
        <message>
            <source>デモ用の架空のケースを作成する</source>
            <translation>Create fictitious demo cases</translation>
        </message>
        <message>
            <source>デモ職員（cw01〜cw08, sv01）の初期パスワード: {staff_password}（最初のログインで各自のパスワードに変更します）</source>
            <translation>Initial password of the demo staff (cw01–cw08, sv01): {staff_password} (each changes it at the first sign-in)</translation>
        </message>
        <message>
            <source>データの保存先（既定: TSUNAGI_DATA_DIR または利用者のデータフォルダ）</source>
            <translation>Data folder (default: TSUNAGI_DATA_DIR or the user's data folder)</translation>
        </message>
        <message>
            <source>データベースと最初の管理者を作成する</source>
            <translation>Create the database and the first administrator</translation>
        </message>
        <message>
            <source>データベースと監査ログの改ざん・破損を検査する</source>
            <translation>Check the database and the audit log for tampering and damage</translation>
        </message>
        <message>
            <source>データベースを作成しました: {db_path}</source>
            <translation>Created the database: {db_path}</translation>
        </message>
        <message>
            <source>ノートPC: キットから作業用データベースを作る（--data-dir は空のフォルダ）</source>
            <translation>Laptop: create the working database from a kit (--data-dir must be an empty folder)</translation>
        </message>
        <message>
            <source>ノートPC: 取込済みのキットと作業用データベースを消去する</source>
            <translation>Laptop: erase imported kits and the working database</translation>
        </message>
        <message>
            <source>ハローワーク「{name}」を変更しました</source>
            <translation>Changed Hello Work office "{name}"</translation>
        </message>
        <message>
            <source>ハローワーク「{name}」を有効にしました</source>
            <translation>Enabled Hello Work office "{name}"</translation>
        </message>
        <message>
            <source>ハローワーク「{name}」を無効にしました</source>
            <translation>Disabled Hello Work office "{name}"</translation>
        </message>
        <message>
            <source>ハローワーク「{name}」（{official}）を登録しました</source>
            <translation>Registered Hello Work office "{name}" ({official})</translation>
        </message>
        <message>
            <source>ハローワークごとに、支援中の支援要請の連絡票を書き出す</source>
            <translation>Write the status sheet of one Hello Work office's open referrals</translation>
        </message>
        <message>
            <source>ハローワークの一覧</source>
            <translation>List the Hello Work offices</translation>
        </message>
        <message>
            <source>ハローワークの名称</source>
            <translation>Name of the Hello Work office</translation>
        </message>
        <message>
            <source>ハローワークの名称（既定: 連絡票に書かれたハローワーク）</source>
            <translation>Name of the Hello Work office (default: the office named on the sheet)</translation>
        </message>
        <message>
            <source>ハローワークの情報を変更する</source>
            <translation>Change a Hello Work office</translation>
        </message>
        <message>
            <source>ハローワークを無効にする（新しい支援要請先に出なくなります。記録は残ります）</source>
            <translation>Disable a Hello Work office (no longer offered for new referrals; records stay)</translation>
        </message>
        <message>
            <source>ハローワークを登録する</source>
            <translation>Register a Hello Work office</translation>
        </message>
        <message>
            <source>バックアップを作成しました: {out}</source>
            <translation>Created the backup: {out}</translation>
        </message>
        <message>
            <source>バックアップを検証し、復元しました。</source>
            <translation>Verified and restored the backup.</translation>
        </message>
        <message>
            <source>バックアップを検証してから復元する（現在のデータベースの管理者が実行）</source>
            <translation>verify a backup, then restore it (run by an administrator of the current database)</translation>
        </message>
        <message>
            <source>パスフレーズ（TSUNAGI_DB_PASSPHRASE）</source>
            <translation>a passphrase (TSUNAGI_DB_PASSPHRASE)</translation>
        </message>
        <message>
            <source>パスワード: </source>
            <translation>Password: </translation>
        </message>
        <message>
            <source>パスワードが一致しません</source>
            <translation>The passwords do not match</translation>
        </message>
        <message>
            <source>パスワードが必要です（環境変数 {env} で指定するか、端末から実行してください）</source>
            <translation>A password is required (set it in the environment variable {env}, or run from a terminal)</translation>
        </message>
        <message>
            <source>パスワードは{MIN_PASSWORD}文字以上にしてください</source>
            <translation>The password must be at least {MIN_PASSWORD} characters</translation>
        </message>
        <message>
            <source>パスワードを変更しました。次からは新しいパスワードを使ってください</source>
            <translation>Password changed. Use the new password from now on</translation>
        </message>
        <message>
            <source>ユーザー名が必要です（--user または TSUNAGI_USER）</source>
            <translation>A user name is required (--user or TSUNAGI_USER)</translation>
        </message>
        <message>
            <source>ログインするユーザー名（既定: TSUNAGI_USER）</source>
            <translation>User name to log in as (default: TSUNAGI_USER)</translation>
        </message>
        <message>
            <source>ロック中</source>
            <translation>locked</translation>
        </message>
        <message>
            <source>一覧のケースを完全に削除する</source>
            <translation>Delete the listed cases completely</translation>
        </message>
        <message>
            <source>中断しました（途中の変更は保存されていません）</source>
            <translation>Interrupted (changes in progress were not saved)</translation>
        </message>
        <message>
            <source>中止しました</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>事務所: 担当ケースのキットを作る／ノートPC: 返却用キットを作る（パスフレーズ: TSUNAGI_KIT_PASSPHRASE または入力）</source>
            <translation>Office: make a kit of a caseload / Laptop: make a return kit (passphrase: TSUNAGI_KIT_PASSPHRASE or typed)</translation>
        </message>
        <message>
            <source>事務所: 返却用キットを取り込む</source>
            <translation>Office: import a return kit</translation>
        </message>
        <message>
            <source>事務所の設定を表示・変更する（変更は管理者のみ）</source>
            <translation>Show or change the office's settings (changes: administrators only)</translation>
        </message>
        <message>
            <source>今の正式名称</source>
            <translation>Current official name</translation>
        </message>
        <message>
            <source>今の通称または正式名称</source>
            <translation>Current name or official name</translation>
        </message>
        <message>
            <source>仮のパスワード: </source>
            <translation>Temporary password: </translation>
        </message>
        <message>
            <source>仮のパスワード: {new_password}</source>
            <translation>Temporary password: {new_password}</translation>
        </message>
        <message>
            <source>仮のパスワードを設定する（TSUNAGI_NEW_PASSWORD、入力、または自動生成。次のログインで変更）</source>
            <translation>Set a temporary password (TSUNAGI_NEW_PASSWORD, typed, or generated; changed at the next sign-in)</translation>
        </message>
        <message>
            <source>任意の期間（R7.4.1 や 2025-04-01 の形式）</source>
            <translation>Any period (as R7.4.1 or 2025-04-01)</translation>
        </message>
        <message>
            <source>作成中 {done:,}/{total:,} 人</source>
            <translation>Creating {done:,}/{total:,} persons</translation>
        </message>
        <message>
            <source>作業用データベースを作りました: {db_path}</source>
            <translation>Created the working database: {db_path}</translation>
        </message>
        <message>
            <source>保存期間を過ぎた支援エピソード: {count:,}件。削除するには --apply を付けて実行してください</source>
            <translation>Support episodes past their retention period: {count:,}. Run with --apply to delete them</translation>
        </message>
        <message>
            <source>保存期間を過ぎた終了ケースを一覧し、--apply で削除する</source>
            <translation>List closed cases past their retention period; delete them with --apply</translation>
        </message>
        <message>
            <source>値（数・一覧は JSON で。例: [1, 3, 6]）</source>
            <translation>The value (numbers and lists as JSON, for example [1, 3, 6])</translation>
        </message>
        <message>
            <source>公印: omitted = 公印省略と印刷、box = 押印欄を印刷</source>
            <translation>Seal: omitted = print "seal omitted", box = print a box for the seal</translation>
        </message>
        <message>
            <source>公印省略</source>
            <translation>seal omitted</translation>
        </message>
        <message>
            <source>内線番号（書類に印刷）</source>
            <translation>Phone extension (printed on forms)</translation>
        </message>
        <message>
            <source>出力先が閉じられたため、表示を中止しました。完了していなかった処理の変更は保存されていません</source>
            <translation>The output was closed, so printing stopped. Changes of the step that had not finished were not saved</translation>
        </message>
        <message>
            <source>出力先（json/csv は省略すると画面に表示）</source>
            <translation>Output file (json/csv go to the screen when omitted)</translation>
        </message>
        <message>
            <source>出張用キット</source>
            <translation>outreach kit</translation>
        </message>
        <message>
            <source>出張相談用のキット（ノートPCでのオフライン作業）</source>
            <translation>Outreach kits (offline work on a laptop)</translation>
        </message>
        <message>
            <source>初期パスワード: {new_password}（本人に伝えてください。最初のログインで本人のパスワードに変更します）</source>
            <translation>Initial password: {new_password} (tell it to them; they choose their own at the first sign-in)</translation>
        </message>
        <message>
            <source>別の事務所（別のデータベース）のバックアップで置き換えることを認める</source>
            <translation>allow replacing the database with another office's (another database's) backup</translation>
        </message>
        <message>
            <source>利用者「{username}」のパスワードをリセットしました（次のログインで本人が変更します）</source>
            <translation>Reset the password of user "{username}" (they change it at the next sign-in)</translation>
        </message>
        <message>
            <source>利用者「{username}」を変更しました</source>
            <translation>Changed user "{username}"</translation>
        </message>
        <message>
            <source>利用者「{username}」を有効にしました</source>
            <translation>Enabled user "{username}"</translation>
        </message>
        <message>
            <source>利用者「{username}」を無効にしました</source>
            <translation>Disabled user "{username}"</translation>
        </message>
        <message>
            <source>利用者「{username}」（{role}、{org}）を追加しました</source>
            <translation>Added user "{username}" ({role}, {org})</translation>
        </message>
        <message>
            <source>利用者の一覧</source>
            <translation>List users</translation>
        </message>
        <message>
            <source>利用者の管理</source>
            <translation>Manage users</translation>
        </message>
        <message>
            <source>利用者の表示名・権限・組織・内線を変更する</source>
            <translation>Change a user's display name, role, organisation or extension</translation>
        </message>
        <message>
            <source>利用者を有効にし、ロックを解除する</source>
            <translation>Enable a user and clear any lock</translation>
        </message>
        <message>
            <source>利用者を無効にする</source>
            <translation>Disable a user</translation>
        </message>
        <message>
            <source>利用者を追加する（初期パスワード: TSUNAGI_NEW_PASSWORD、入力、または自動生成。初回ログインで変更）</source>
            <translation>Add a user (initial password: TSUNAGI_NEW_PASSWORD, typed, or generated; changed at the first sign-in)</translation>
        </message>
        <message>
            <source>前回の自動バックアップから設定の間隔がたっていないため、作成しませんでした</source>
            <translation>Not created: the set interval has not passed since the last automatic backup</translation>
        </message>
        <message>
            <source>印刷しました: {out}（SHA-256 {sha}…）</source>
            <translation>Printed: {out} (SHA-256 {sha}…)</translation>
        </message>
        <message>
            <source>印刷できませんでした: {line}</source>
            <translation>Could not print: {line}</translation>
        </message>
        <message>
            <source>印刷中 {done}/{total}</source>
            <translation>Printing {done}/{total}</translation>
        </message>
        <message>
            <source>取り込まずに、変更と競合の一覧を書き出す</source>
            <translation>Write the list of changes and conflicts without importing</translation>
        </message>
        <message>
            <source>取り込めなかった行の一覧の出力先</source>
            <translation>Where to write the list of rows not imported</translation>
        </message>
        <message>
            <source>古い自動バックアップを削除しました: {name}</source>
            <translation>Deleted an old automatic backup: {name}</translation>
        </message>
        <message>
            <source>台帳に書かれた未登録のハローワークを登録して取り込む</source>
            <translation>Register the unknown Hello Work offices the ledger names, then import</translation>
        </message>
        <message>
            <source>問題: {problem}</source>
            <translation>Problem: {problem}</translation>
        </message>
        <message>
            <source>回復キー（この一度だけ表示します。紙に控えて金庫などに保管してください）:</source>
            <translation>Recovery key (shown only this once; write it down and keep it somewhere safe, such as a safe):</translation>
        </message>
        <message>
            <source>変更と競合の一覧を書き出しました: {plan}（何も取り込んでいません）</source>
            <translation>Wrote the list of changes and conflicts: {plan} (nothing was imported)</translation>
        </message>
        <message>
            <source>定期バックアップ: 間隔を過ぎていれば backups/ に作成し、古いものを削除する（タスクスケジューラや cron から）</source>
            <translation>Scheduled backup: if the interval has passed, create one in backups/ and delete old ones (from Task Scheduler or cron)</translation>
        </message>
        <message>
            <source>実績報告（就職件数・就職率など）を集計する</source>
            <translation>Count the performance report (placements, placement rate and more)</translation>
        </message>
        <message>
            <source>就職支援ナビゲーター（氏名:電話。複数指定可。edit では一覧を置き換え）</source>
            <translation>Job placement navigator (name:phone; repeatable; edit replaces the list)</translation>
        </message>
        <message>
            <source>年度（西暦、4月〜翌3月）</source>
            <translation>Fiscal year (Western calendar, April to March)</translation>
        </message>
        <message>
            <source>復元前のデータベースは次の場所に保管しました: {previous}</source>
            <translation>The database before the restore was kept here: {previous}</translation>
        </message>
        <message>
            <source>所属する組織の正式名称（既定: 自分の組織）</source>
            <translation>Official name of their organisation (default: yours)</translation>
        </message>
        <message>
            <source>所長の職名（例: 横浜公共職業安定所長。支援要請書の宛先）</source>
            <translation>Head's title (referrals are addressed to it)</translation>
        </message>
        <message>
            <source>承認が必要な監査ログの食い違いはありません</source>
            <translation>There is no audit log divergence to accept</translation>
        </message>
        <message>
            <source>押印欄</source>
            <translation>seal box</translation>
        </message>
        <message>
            <source>担当ケースをまとめて別の職員へ移す（人事異動）</source>
            <translation>Move a staff member's cases to another (staff changes)</translation>
        </message>
        <message>
            <source>担当ケースを台帳の形式で書き出す</source>
            <translation>Export your caseload in the ledger layout</translation>
        </message>
        <message>
            <source>担当課・係（例: 生活支援課 就労支援担当。送付書に印刷）</source>
            <translation>Section (e.g. Livelihood Support Division, Employment Support; printed on the cover letter)</translation>
        </message>
        <message>
            <source>支援エピソードのID</source>
            <translation>Support episode ID</translation>
        </message>
        <message>
            <source>支援エピソードのID「{episode}」が正しくありません</source>
            <translation>The support episode ID "{episode}" is not valid</translation>
        </message>
        <message>
            <source>支援要請先のハローワークの管理</source>
            <translation>Manage the Hello Work offices referrals go to</translation>
        </message>
        <message>
            <source>支援要請先を書いていない行のハローワーク（既定: 登録されているただ一つのハローワーク）</source>
            <translation>Hello Work office for rows that name none (default: the only registered office)</translation>
        </message>
        <message>
            <source>文書記号（例: 中福）</source>
            <translation>Document symbol used in document numbers</translation>
        </message>
        <message>
            <source>新しいパスワード（{n}文字以上）: </source>
            <translation>New password ({n} characters or more): </translation>
        </message>
        <message>
            <source>新しい利用者の初期パスワード: </source>
            <translation>Initial password of the new user: </translation>
        </message>
        <message>
            <source>新しい担当者のユーザー名</source>
            <translation>User name of the new caseworker</translation>
        </message>
        <message>
            <source>新しい正式名称</source>
            <translation>New official name</translation>
        </message>
        <message>
            <source>新しい通称</source>
            <translation>New name</translation>
        </message>
        <message>
            <source>暗号化の鍵: {where}</source>
            <translation>Encryption key: {where}</translation>
        </message>
        <message>
            <source>暗号化バックアップを作成する</source>
            <translation>Create an encrypted backup</translation>
        </message>
        <message>
            <source>書類をPDFに印刷する（支援要請書・同意書・プラン・連絡票・一式）</source>
            <translation>Print documents to PDF (referral, consent, plan, status report, packet)</translation>
        </message>
        <message>
            <source>最初の組織（福祉事務所）の正式名称（省略時は「福祉事務所」。後で org edit で変更）</source>
            <translation>Official name of the first organisation (a welfare office; changed later with org edit)</translation>
        </message>
        <message>
            <source>月「{month}」は YYYY-MM の形式で指定してください</source>
            <translation>Give the month "{month}" as YYYY-MM</translation>
        </message>
        <message>
            <source>有効</source>
            <translation>active</translation>
        </message>
        <message>
            <source>検査だけ行い、何も保存しない</source>
            <translation>Check only; save nothing</translation>
        </message>
        <message>
            <source>検査のあと、報告された監査ログの食い違いを、原因を確かめたものとして承認する（管理者。承認は監査ログに記録されます）</source>
            <translation>after the check, accept the reported audit log divergences as looked into (administrators; the acceptance is recorded in the audit log)</translation>
        </message>
        <message>
            <source>検査の結果、問題はありません（監査ログ {audit_rows:,} 行を確認）</source>
            <translation>No problems found ({audit_rows:,} audit log rows checked)</translation>
        </message>
        <message>
            <source>正式名称（例: 横浜公共職業安定所）</source>
            <translation>Official name (e.g. Yokohama Public Employment Security Office)</translation>
        </message>
        <message>
            <source>正式名称（例: 横浜市中区福祉保健センター）</source>
            <translation>Official name (e.g. Yokohama City Naka Ward Health and Welfare Center)</translation>
        </message>
        <message>
            <source>消去するには --yes を付けてください（元に戻せません）</source>
            <translation>Add --yes to erase (this cannot be undone)</translation>
        </message>
        <message>
            <source>消去するキットのファイル（複数可）</source>
            <translation>Kit file to erase (may be repeated)</translation>
        </message>
        <message>
            <source>無効</source>
            <translation>disabled</translation>
        </message>
        <message>
            <source>無効にしたハローワークも表示する</source>
            <translation>Show disabled offices too</translation>
        </message>
        <message>
            <source>無効にしたハローワークを有効に戻す</source>
            <translation>Enable a disabled Hello Work office again</translation>
        </message>
        <message>
            <source>現在のデータベースの管理者のパスワード: </source>
            <translation>Password of an administrator of the current database: </translation>
        </message>
        <message>
            <source>現在のパスワード: </source>
            <translation>Current password: </translation>
        </message>
        <message>
            <source>現在の接続先を表示する</source>
            <translation>Show the current connection</translation>
        </message>
        <message>
            <source>監査ログの食い違いを承認しました（承認したことは監査ログに記録しました）。食い違いとは、この PC がデータベースの外に控えている監査ログの先頭と、書き込むときに見つけた監査ログの先頭が一致しなかったことです。監査ログの末尾の行が削除された、書き換えられた、データベースが古い複製（バックアップのファイルなど）に置き換えられた、などのときに起こります。承認した食い違い:</source>
            <translation>Audit log divergences accepted (the acceptance is recorded in the audit log). A divergence means that the head of the audit log this PC keeps outside the database did not match the head it found in the audit log when it wrote. It happens when rows at the end of the audit log were deleted or rewritten, or the database was replaced with an older copy (a backup file, for example). Accepted divergences:</translation>
        </message>
        <message>
            <source>確認なしで消去する</source>
            <translation>Erase without asking</translation>
        </message>
        <message>
            <source>移すケースを一覧するだけで、何も変えない</source>
            <translation>Only list the cases that would move; change nothing</translation>
        </message>
        <message>
            <source>種別（既定: welfare_office = 福祉事務所）</source>
            <translation>Kind (default: welfare_office)</translation>
        </message>
        <message>
            <source>競合: {summary}</source>
            <translation>Conflict: {summary}</translation>
        </message>
        <message>
            <source>競合が {count} 件あります。何も取り込んでいません。--plan で一覧を書き出して resolution を記入し --resolve で指定するか、--keep office|laptop で一括して解決してください</source>
            <translation>There are {count} conflicts. Nothing was imported. Write the list with --plan, fill in the resolution and pass it with --resolve, or resolve all at once with --keep office|laptop</translation>
        </message>
        <message>
            <source>競合ごとの解決（--plan の出力を編集したもの）</source>
            <translation>Resolution of each conflict (the --plan output, edited)</translation>
        </message>
        <message>
            <source>管理者のパスワード（{MIN_PASSWORD}文字以上）: </source>
            <translation>Administrator's password ({MIN_PASSWORD} characters or more): </translation>
        </message>
        <message>
            <source>管理者のユーザー名</source>
            <translation>Administrator's user name</translation>
        </message>
        <message>
            <source>管理者の表示名</source>
            <translation>Administrator's display name</translation>
        </message>
        <message>
            <source>組織「{name}」を変更しました</source>
            <translation>Changed organisation "{name}"</translation>
        </message>
        <message>
            <source>組織「{name}」を登録しました</source>
            <translation>Registered organisation "{name}"</translation>
        </message>
        <message>
            <source>組織の一覧</source>
            <translation>List the organisations</translation>
        </message>
        <message>
            <source>組織の情報を変更する</source>
            <translation>Change an organisation</translation>
        </message>
        <message>
            <source>組織を登録する</source>
            <translation>Register an organisation</translation>
        </message>
        <message>
            <source>組織（福祉事務所・自立相談支援機関）の管理</source>
            <translation>Manage the organisations (welfare offices, independence support centres)</translation>
        </message>
        <message>
            <source>職員 {staff} 人・対象者 {persons} 人</source>
            <translation>{staff} staff, {persons} clients</translation>
        </message>
        <message>
            <source>自分のパスワードを変更する（新しいパスワード: TSUNAGI_NEW_PASSWORD または入力）</source>
            <translation>Change your own password (new one: TSUNAGI_NEW_PASSWORD or typed)</translation>
        </message>
        <message>
            <source>解決のファイルを読めません（{exc}）</source>
            <translation>Cannot read the resolution file ({exc})</translation>
        </message>
        <message>
            <source>記入された連絡票を取り込む（採用は就職の提案になる）</source>
            <translation>Import a filled-in sheet (a reported hire becomes a placement proposal)</translation>
        </message>
        <message>
            <source>設定を一つ変更する（例: hello_work_silence_days 21）</source>
            <translation>Change one setting (for example: hello_work_silence_days 21)</translation>
        </message>
        <message>
            <source>誰のケースか（ユーザー名。既定: 自分）</source>
            <translation>Whose cases (user name; default: yourself)</translation>
        </message>
        <message>
            <source>返却用キット</source>
            <translation>return kit</translation>
        </message>
        <message>
            <source>通称（例: ハローワーク横浜）</source>
            <translation>Name in use (e.g. Hello Work Yokohama)</translation>
        </message>
        <message>
            <source>長の氏名</source>
            <translation>Head's name</translation>
        </message>
        <message>
            <source>長の職名（例: 中区福祉保健センター長）</source>
            <translation>Head's title</translation>
        </message>
        <message>
            <source>集計の基準日（この日までの出来事を数える。既定: 今日）</source>
            <translation>As-of date (counts what happened up to that day; default: today)</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>（対象者ごと削除）</source>
            <translation> (whole client deleted)</translation>
        </message>
        <message>
            <source>（無効）</source>
            <translation> (disabled)</translation>
        </message>
    </context>
    <context>
        <name>Caseload</name>
        <message>
            <source>{months}か月定着確認</source>
            <translation>{months}-month retention check</translation>
        </message>
        <message>
            <source>ハローワークから採用の連絡（{company}）: 就職の記録を確認</source>
            <translation>Hello Work reported a hire ({company}): confirm the placement</translation>
        </message>
        <message>
            <source>並べ替えの項目が正しくありません</source>
            <translation>The sort field is not valid</translation>
        </message>
        <message>
            <source>支援プラン（第{revision}版）の見直し</source>
            <translation>Review of the support plan (revision {revision})</translation>
        </message>
        <message>
            <source>支援期間の終了予定</source>
            <translation>Support period ends</translation>
        </message>
        <message>
            <source>支援要請（{number}）: ハローワークの支援の記録が {days}日ありません</source>
            <translation>Referral {number}: no Hello Work activity recorded for {days} days</translation>
        </message>
        <message>
            <source>支援要請（{number}）からHWの回答待ち {days}日</source>
            <translation>Waiting for Hello Work's answer to referral ({number}) for {days} days</translation>
        </message>
        <message>
            <source>未発行</source>
            <translation>not issued</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <source>書き出せませんでした（{reason}）: {path}</source>
            <translation>Could not write the file ({reason}): {path}</translation>
        </message>
        <message>
            <source>重複の可能性があります。既存の記録を確認し、別人であればチェックを入れてください</source>
            <translation>This may be a duplicate. Check the existing record and tick the box if this is a different person</translation>
        </message>
    </context>
    <context>
        <name>Consent</name>
        <message>
            <source>「{recipient}」への情報提供同意の範囲が確認されていません（台帳から取り込んだ同意）。署名された同意書を見て範囲を確認するまで、情報は提供できません</source>
            <translation>The scope of the information-sharing consent for “{recipient}” has not been confirmed (a consent imported from a ledger). Nothing can be shared until someone confirms the scope from the signed form</translation>
        </message>
        <message>
            <source>「{recipient}」を提供先とする有効な情報提供同意がありません（未取得・期限切れ・撤回済み）</source>
            <translation>No information-sharing consent in force names “{recipient}” (none obtained, expired or withdrawn)</translation>
        </message>
        <message>
            <source>この同意は、開いた後に他の利用者が更新しています。読み込み直してください</source>
            <translation>Another user updated this consent after you opened it. Please reload</translation>
        </message>
        <message>
            <source>この同意は既に撤回されています</source>
            <translation>This consent has already been withdrawn</translation>
        </message>
        <message>
            <source>ファイルを読み込めません: {name}</source>
            <translation>Cannot read the file: {name}</translation>
        </message>
        <message>
            <source>参加同意が{day}に撤回されています。撤回日以降、この支援エピソードの情報は提供できません（支援終了・同意撤回の連絡を除く）</source>
            <translation>The participation consent was withdrawn on {day}. From that day nothing of this episode can be shared (except the notice of the end of support)</translation>
        </message>
        <message>
            <source>同意の種類が正しくありません</source>
            <translation>The kind of consent is not valid</translation>
        </message>
        <message>
            <source>同意の記録が見つかりません</source>
            <translation>The consent record was not found</translation>
        </message>
        <message>
            <source>同意書の文言がありません</source>
            <translation>The consent form has no wording</translation>
        </message>
        <message>
            <source>同意書の画像が見つかりません</source>
            <translation>The scanned consent form was not found</translation>
        </message>
        <message>
            <source>同意書の画像を復号できません（別のデータベースの鍵か、改変されています）</source>
            <translation>The scanned consent form cannot be decrypted (another database's key, or it was altered)</translation>
        </message>
        <message>
            <source>同意書の画像を読み取れません（形式が違います）</source>
            <translation>The scanned consent form cannot be read (wrong format)</translation>
        </message>
        <message>
            <source>同意範囲の項目が正しくありません: {items}</source>
            <translation>Not a valid item of consent scope: {items}</translation>
        </message>
        <message>
            <source>情報提供同意には提供先と提供する情報の範囲が必要です</source>
            <translation>Consent to share information needs recipients and the scope of information shared</translation>
        </message>
        <message>
            <source>情報提供同意の提供先に「{office}」が含まれていません</source>
            <translation>"{office}" is not among the recipients of the information-sharing consent</translation>
        </message>
        <message>
            <source>情報提供同意の範囲が確認されていません（同意の画面で範囲を確認してください）</source>
            <translation>The scope of the information-sharing consent has not been confirmed (confirm it on the consent screen)</translation>
        </message>
        <message>
            <source>撤回日は署名日から今日までの日付にしてください</source>
            <translation>The withdrawal date must be between the signing date and today</translation>
        </message>
        <message>
            <source>有効な{kinds}がありません</source>
            <translation>There is no valid {kinds}</translation>
        </message>
        <message>
            <source>有効期限が署名日より前になっています</source>
            <translation>The expiry date is before the signing date</translation>
        </message>
        <message>
            <source>範囲があるのは情報提供同意です</source>
            <translation>Only an information-sharing consent has a scope</translation>
        </message>
        <message>
            <source>署名された同意書で印の付いている項目を1つ以上選んでください</source>
            <translation>Choose at least one item ticked on the signed consent form</translation>
        </message>
        <message>
            <source>署名日が未来の日付になっています</source>
            <translation>The signing date is in the future</translation>
        </message>
    </context>
    <context>
        <name>Costs</name>
        <message>
            <source>{amount:,}円</source>
            <translation>¥{amount:,}</translation>
        </message>
        <message>
            <source>{on} の{amount}の記録を取り消します（誤って記録した場合）。取り消した記録は一覧と集計から外れます。</source>
            <translation>Cancel the record of {amount} paid on {on} (when it was recorded by mistake). A cancelled record leaves the list and the totals.</translation>
        </message>
        <message>
            <source>その他の費用は内容（品目）を入力してください</source>
            <translation>For other costs, enter what was paid for</translation>
        </message>
        <message>
            <source>プレビュー</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>内容（区間・品目）</source>
            <translation>Details (route or item)</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>受領書を印刷…</source>
            <translation>Print receipt…</translation>
        </message>
        <message>
            <source>合計 {total}（今年度 {year}）</source>
            <translation>Total {total} (this fiscal year {year})</translation>
        </message>
        <message>
            <source>支援費用</source>
            <translation>Support costs</translation>
        </message>
        <message>
            <source>支援費用の受領書</source>
            <translation>Receipt for support costs</translation>
        </message>
        <message>
            <source>支援費用の支給を記録</source>
            <translation>Record a support cost paid</translation>
        </message>
        <message>
            <source>支援費用の支給一覧</source>
            <translation>List of support costs paid</translation>
        </message>
        <message>
            <source>支援費用の記録が見つかりません</source>
            <translation>The support cost record was not found</translation>
        </message>
        <message>
            <source>支給の記録を取り消す</source>
            <translation>Cancel the payment record</translation>
        </message>
        <message>
            <source>支給を記録…</source>
            <translation>Record a payment…</translation>
        </message>
        <message>
            <source>支給日</source>
            <translation>Paid on</translation>
        </message>
        <message>
            <source>支給日に未来の日付は入力できません</source>
            <translation>The payment date cannot be in the future</translation>
        </message>
        <message>
            <source>支給日は受付日以降にしてください</source>
            <translation>The payment date must be on or after the intake date</translation>
        </message>
        <message>
            <source>支給日を入力してください</source>
            <translation>Enter the payment date</translation>
        </message>
        <message>
            <source>期間の始まり</source>
            <translation>From</translation>
        </message>
        <message>
            <source>期間の始まりを入力してください</source>
            <translation>Enter the start of the period</translation>
        </message>
        <message>
            <source>期間の終わり</source>
            <translation>To</translation>
        </message>
        <message>
            <source>期間の終わりを入力してください</source>
            <translation>Enter the end of the period</translation>
        </message>
        <message>
            <source>期間内に支給した交通費などを、閲覧できる対象者について一覧にします。</source>
            <translation>Lists the fares and other costs paid in the period to the clients you may view.</translation>
        </message>
        <message>
            <source>期間内に支給した交通費などを一覧にします。本人の署名・押印欄つきです。</source>
            <translation>Lists the fares and other costs paid in the period, with a space for the client's signature or seal.</translation>
        </message>
        <message>
            <source>目的</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>記録者</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>財源</source>
            <translation>Funding</translation>
        </message>
        <message>
            <source>財源を一覧から選んでください</source>
            <translation>Choose the funding source from the list</translation>
        </message>
        <message>
            <source>費用の区分を選んでください</source>
            <translation>Choose the kind of cost</translation>
        </message>
        <message>
            <source>費用の目的を選んでください</source>
            <translation>Choose the purpose of the cost</translation>
        </message>
        <message>
            <source>選択した記録を取り消す</source>
            <translation>Cancel the selected record</translation>
        </message>
        <message>
            <source>金額</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>金額は1〜{max:,}円で入力してください</source>
            <translation>Enter an amount from ¥1 to ¥{max:,}</translation>
        </message>
        <message>
            <source>金額は円単位の数字で入力してください</source>
            <translation>Enter the amount as a number of yen</translation>
        </message>
        <message>
            <source>金額を入力してください</source>
            <translation>Enter the amount</translation>
        </message>
        <message>
            <source>金額（円）</source>
            <translation>Amount (yen)</translation>
        </message>
        <message>
            <source>面接・職場体験・訓練などのために支給した交通費などを記録します。</source>
            <translation>Record fares and other costs paid for interviews, workplace experience, training and the like.</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <source>このデータベースにはデモ以外の記録があります（対象者の登録・取込 {entered} 回、職員 {staff} 人、ハローワーク {offices} か所）。架空の対象者が実際の記録に混ざらないよう、デモデータは作りません。それでも作る場合は --force を付けてください</source>
            <translation>This database holds records the demo did not make ({entered} client registrations or imports, {staff} staff, {offices} Hello Work offices). No demo data was written, so that fictional clients never mix with real ones. Add --force to write it anyway</translation>
        </message>
        <message>
            <source>人数は1〜1,000,000で指定してください</source>
            <translation>Give the number of persons as 1 to 1,000,000</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>あとで決める（入力は残ります）</source>
            <translation>Decide later (your input is kept)</translation>
        </message>
        <message>
            <source>あなたの入力</source>
            <translation>Your input</translation>
        </message>
        <message>
            <source>この画面を開いた後に、他の利用者がこの記録を保存しました。次の項目は両方で変更されています。どちらを残すか選んでください（片方だけが変更した項目は、そのまま合わせて保存します）。</source>
            <translation>After you opened this screen, another user saved this record. The fields below were changed by both of you. Choose which to keep (fields changed by only one side are merged and saved as they are).</translation>
        </message>
        <message>
            <source>他の利用者が先に保存しました</source>
            <translation>Another user saved first</translation>
        </message>
        <message>
            <source>保存されている内容</source>
            <translation>Saved content</translation>
        </message>
        <message>
            <source>保存されている内容を残す</source>
            <translation>Keep the saved content</translation>
        </message>
        <message>
            <source>自分の入力を残す</source>
            <translation>Keep my input</translation>
        </message>
        <message>
            <source>項目</source>
            <translation>Field</translation>
        </message>
    </context>
    <context>
        <name>Employers</name>
        <message>
            <source>「{name}」は既に協力事業所として登録されています</source>
            <translation>“{name}” is already registered as a cooperating employer</translation>
        </message>
        <message>
            <source>「{name}」は無効になっている協力事業所です</source>
            <translation>“{name}” is a deactivated cooperating employer</translation>
        </message>
        <message>
            <source>「{name}」を無効にします。新しい就職・職場体験の記録で選べなくなります（これまでの記録と履歴はそのまま残ります）。</source>
            <translation>Deactivate “{name}”. It can no longer be chosen for new placements or workplace experience (past records and history are kept).</translation>
        </message>
        <message>
            <source>この協力事業所の情報は、開いた後に他の利用者が更新しています。読み込み直してください</source>
            <translation>Someone else updated this cooperating employer after you opened it. Reload it</translation>
        </message>
        <message>
            <source>ほかに閲覧できないケースが {n} 人あります</source>
            <translation>{n} more clients you may not view</translation>
        </message>
        <message>
            <source>メモ</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>・</source>
            <translation>, </translation>
        </message>
        <message>
            <source>事業所名</source>
            <translation>Employer</translation>
        </message>
        <message>
            <source>事業所名を入力してください</source>
            <translation>Enter the employer's name</translation>
        </message>
        <message>
            <source>事業所名・業種・所在地・担当者で検索（ひらがな・半角も可）</source>
            <translation>Search by name, industry, address or contact person (kana and half-width accepted)</translation>
        </message>
        <message>
            <source>他の利用者が同時に更新しました。読み込み直してください</source>
            <translation>Someone else updated it at the same time. Reload it</translation>
        </message>
        <message>
            <source>体験</source>
            <translation>Hosted</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>協力の内容</source>
            <translation>Cooperation offered</translation>
        </message>
        <message>
            <source>協力の内容: すべて</source>
            <translation>Cooperation offered: all</translation>
        </message>
        <message>
            <source>協力の内容が正しくありません: {items}</source>
            <translation>Unknown kind of cooperation: {items}</translation>
        </message>
        <message>
            <source>協力事業所</source>
            <translation>Cooperating employers</translation>
        </message>
        <message>
            <source>協力事業所が見つかりません</source>
            <translation>The cooperating employer was not found</translation>
        </message>
        <message>
            <source>協力事業所の検索</source>
            <translation>Search cooperating employers</translation>
        </message>
        <message>
            <source>協力事業所の登録</source>
            <translation>Register a cooperating employer</translation>
        </message>
        <message>
            <source>協力事業所の編集</source>
            <translation>Edit a cooperating employer</translation>
        </message>
        <message>
            <source>協力事業所を無効にする</source>
            <translation>Deactivate the cooperating employer</translation>
        </message>
        <message>
            <source>受入れ・就職の履歴</source>
            <translation>Clients hosted or placed</translation>
        </message>
        <message>
            <source>受入れ・就職の履歴: {name}</source>
            <translation>Clients hosted or placed: {name}</translation>
        </message>
        <message>
            <source>対象者</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>就職</source>
            <translation>Placement</translation>
        </message>
        <message>
            <source>履歴を表示</source>
            <translation>Show history</translation>
        </message>
        <message>
            <source>所在地</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>担当者</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <source>有効</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>有効に戻す</source>
            <translation>Reactivate</translation>
        </message>
        <message>
            <source>業種</source>
            <translation>Industry</translation>
        </message>
        <message>
            <source>無効</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <source>無効にしたものも表示</source>
            <translation>Show deactivated ones too</translation>
        </message>
        <message>
            <source>無効にする</source>
            <translation>Deactivate</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>登録…</source>
            <translation>Register…</translation>
        </message>
        <message>
            <source>種類</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>編集…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>職場体験・中間的就労の受入れや求人で協力してくれる事業所です。就職や職場体験の記録で選べます。</source>
            <translation>Employers who host workplace experience or intermediate employment, or offer jobs. They can be chosen when recording a placement or workplace experience.</translation>
        </message>
        <message>
            <source>連携 — 協力事業所</source>
            <translation>Network — Cooperating employers</translation>
        </message>
        <message>
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>開始</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>電話</source>
            <translation>Phone</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>できませんでした</source>
            <translation>Could not be done</translation>
        </message>
        <message>
            <source>データベースを使用中です</source>
            <translation>The database is busy</translation>
        </message>
    </context>
    <context>
        <name>ExchangeDialog</name>
        <message>
            <source>{n} 件のハローワークの支援を記録しました（就職の提案 {p} 件・求職番号などの更新 {u} 件）。</source>
            <translation>Recorded {n} Hello Work activities ({p} placement proposals, {u} job seeker numbers or navigators updated).</translation>
        </message>
        <message>
            <source>{n} 件の支援要請を書き出しました: {path}</source>
            <translation>Wrote {n} referrals: {path}</translation>
        </message>
        <message>
            <source>{office}: 追加 {add}行（うち就職の提案 {p}）・更新 {update}行・取込済み {dup}行・誤り {bad}行。記入のない行 {blank}行は飛ばします。</source>
            <translation>{office}: {add} rows to add ({p} placement proposals), {update} to update, {dup} already recorded, {bad} with errors. {blank} rows with nothing written are skipped.</translation>
        </message>
        <message>
            <source>{status}（就職の提案）</source>
            <translation>{status} (placement proposal)</translation>
        </message>
        <message>
            <source>そのハローワークへの支援中の支援要請（情報提供の同意があるもの）を一覧にした Excel を作ります。ナビゲーターに記入してもらい、記入後のファイルを取り込みます。</source>
            <translation>Makes an Excel sheet listing the open referrals to that Hello Work office (those with an information-sharing consent). The navigator fills it in; then import the filled file.</translation>
        </message>
        <message>
            <source>ケース番号</source>
            <translation>Case number</translation>
        </message>
        <message>
            <source>ハローワーク</source>
            <translation>Hello Work office</translation>
        </message>
        <message>
            <source>ハローワークが登録されていません</source>
            <translation>No Hello Work office is registered</translation>
        </message>
        <message>
            <source>ファイルを検査しています…</source>
            <translation>Checking the file…</translation>
        </message>
        <message>
            <source>内容（誤りはその理由）</source>
            <translation>Content (for an error, the reason)</translation>
        </message>
        <message>
            <source>取り込む</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>取り込めなかった行: {n}</source>
            <translation>Rows not imported: {n}</translation>
        </message>
        <message>
            <source>取り込めません: {m}</source>
            <translation>Cannot import: {m}</translation>
        </message>
        <message>
            <source>取り込んでいます…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>取込済み</source>
            <translation>Already recorded</translation>
        </message>
        <message>
            <source>情報提供の同意が有効でない {n} 件は載せていません。</source>
            <translation>{n} referrals without an information-sharing consent in force were left out.</translation>
        </message>
        <message>
            <source>採用の連絡は「今日の予定」と対象者の画面に出ます。就職として記録してください。</source>
            <translation>Reported hires appear in Today and on the person's screen. Record them as placements.</translation>
        </message>
        <message>
            <source>支援状況連絡票</source>
            <translation>Support status sheet</translation>
        </message>
        <message>
            <source>支援状況連絡票_{office}_{stamp}.xlsx</source>
            <translation>status-sheet_{office}_{stamp}.xlsx</translation>
        </message>
        <message>
            <source>支援状況連絡票の取込</source>
            <translation>Import the support status sheet</translation>
        </message>
        <message>
            <source>支援状況連絡票の取込 — {name}</source>
            <translation>Import the support status sheet — {name}</translation>
        </message>
        <message>
            <source>支援状況連絡票を作る</source>
            <translation>Make the support status sheet</translation>
        </message>
        <message>
            <source>支援状況連絡票を保存</source>
            <translation>Save the support status sheet</translation>
        </message>
        <message>
            <source>支援要請番号</source>
            <translation>Referral number</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>更新</source>
            <translation>Update</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>種別</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>誤り</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>誤りのある行は取り込みません。連絡票を直して、もう一度取り込めます。</source>
            <translation>Rows with errors are not imported. Correct the sheet and import it again.</translation>
        </message>
        <message>
            <source>追加</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>（連絡票に書かれたハローワーク）</source>
            <translation>(the office named on the sheet)</translation>
        </message>
    </context>
    <context>
        <name>ExchangeSheet</name>
        <message>
            <source>1回に取り込める行数は{n:,}行までです</source>
            <translation>At most {n:,} rows can be imported at once</translation>
        </message>
        <message>
            <source>Excelファイルとして読み取れません（{error}）</source>
            <translation>The file cannot be read as an Excel workbook ({error})</translation>
        </message>
        <message>
            <source>必須の列がありません: {columns}</source>
            <translation>Required columns are missing: {columns}</translation>
        </message>
        <message>
            <source>支援状況連絡票の見出し行（支援要請番号・ケース番号 などの列名）が見つかりません</source>
            <translation>The status sheet's header row (the referral number, the case number and the other column titles) was not found</translation>
        </message>
    </context>
    <context>
        <name>Forms</name>
        <message>
            <source>PDF のページが大きすぎます（A3 までの用紙を読み取ったものにしてください）</source>
            <translation>The PDF's pages are too large (scan a sheet of A3 or smaller)</translation>
        </message>
        <message>
            <source>PDF のページ数は1〜{n}ページにしてください</source>
            <translation>The PDF must have 1 to {n} pages</translation>
        </message>
        <message>
            <source>PDF を開けません（壊れているか、パスワードで保護されています）</source>
            <translation>The PDF cannot be opened (damaged or password-protected)</translation>
        </message>
        <message>
            <source>「{char}」（U+{code:04X}）は書類に印刷できない文字です（絵文字など）。入力した内容を直してから印刷してください</source>
            <translation>“{char}” (U+{code:04X}) cannot be printed on the forms (an emoji or similar). Correct the entry, then print</translation>
        </message>
        <message>
            <source>この書類には IPAex フォントにない文字（JIS第3・第4水準の漢字など）があります。印刷には IPAmj明朝 フォントが必要ですが、インストールされていません（docs/INSTALL.md）</source>
            <translation>This document holds characters the IPAex fonts lack (JIS level 3/4 kanji and similar). Printing them needs the IPAmj Mincho font, which is not installed (docs/INSTALL.md)</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>ファイルが大きすぎます（{mb} MB まで）</source>
            <translation>The file is too large (up to {mb} MB)</translation>
        </message>
        <message>
            <source>ファイルが空です</source>
            <translation>The file is empty</translation>
        </message>
        <message>
            <source>添付された同意書の原本を印刷用に読み取れません。同意書の画面で原本を確認し、読み取り直したものに差し替えてください</source>
            <translation>The attached signed original cannot be read for printing. Check it on the consent screen and replace it with a new scan</translation>
        </message>
        <message>
            <source>添付できるのは PDF・JPEG・PNG のファイルです</source>
            <translation>Only PDF, JPEG and PNG files can be attached</translation>
        </message>
        <message>
            <source>画像が大きすぎます（{n}万画素まで）</source>
            <translation>The image is too large (at most {n} × 10,000 pixels)</translation>
        </message>
        <message>
            <source>画像を読み取れません（壊れています）</source>
            <translation>The image cannot be read (damaged)</translation>
        </message>
        <message>
            <source>登録</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>HelloWork</name>
        <message>
            <source>{limit}文字以内で入力してください</source>
            <translation>Enter at most {limit} characters</translation>
        </message>
        <message>
            <source>{office}への支援要請に「{number}」はありません</source>
            <translation>No referral to {office} has the number {number}</translation>
        </message>
        <message>
            <source>「{office}」との情報提供に有効な同意がありません（未取得・期限切れ・撤回済み）</source>
            <translation>No consent in force to share information with {office} (not signed, expired or withdrawn)</translation>
        </message>
        <message>
            <source>この連絡票は「{named}」あてです（選んだのは「{chosen}」）</source>
            <translation>This sheet is for {named} ({chosen} was chosen)</translation>
        </message>
        <message>
            <source>ケース番号「{case_number}」は支援要請「{number}」の対象者と一致しません</source>
            <translation>Case number {case_number} is not the person of referral {number}</translation>
        </message>
        <message>
            <source>セミナー・訓練の名称を入力してください</source>
            <translation>Enter the name of the seminar or training</translation>
        </message>
        <message>
            <source>ナビゲーター {value}</source>
            <translation>navigator {value}</translation>
        </message>
        <message>
            <source>ナビゲーターの氏名は100文字以内で入力してください</source>
            <translation>Enter the navigator's name in at most 100 characters</translation>
        </message>
        <message>
            <source>ハローワークの支援の記録が見つかりません</source>
            <translation>The Hello Work activity was not found</translation>
        </message>
        <message>
            <source>ハローワークへの支援要請（回答待ちまたは受理）がないため記録できません</source>
            <translation>Cannot be recorded: there is no referral to Hello Work (awaiting an answer or accepted)</translation>
        </message>
        <message>
            <source>ハローワークを選んでください</source>
            <translation>Choose the Hello Work office</translation>
        </message>
        <message>
            <source>ファイルが大きすぎます（20MBまで）</source>
            <translation>The file is too large (20 MB at most)</translation>
        </message>
        <message>
            <source>ファイルを読み込めません（{error}）</source>
            <translation>The file cannot be read ({error})</translation>
        </message>
        <message>
            <source>事業所名を入力してください</source>
            <translation>Enter the employer</translation>
        </message>
        <message>
            <source>就職として記録済みの採用は削除できません</source>
            <translation>A hire already recorded as a placement cannot be removed</translation>
        </message>
        <message>
            <source>就職の記録を待っている採用ではありません</source>
            <translation>This is not a hire waiting to be recorded as a placement</translation>
        </message>
        <message>
            <source>採否「{result}」は採用・不採用・辞退のいずれかで記入してください</source>
            <translation>Outcome "{result}" must be one of: hired, not hired, declined</translation>
        </message>
        <message>
            <source>採否は種別が「採否」のときだけ入力します</source>
            <translation>An outcome is entered only for the kind "Outcome"</translation>
        </message>
        <message>
            <source>採否（採用・不採用・辞退）を選んでください</source>
            <translation>Choose the outcome (hired, not hired, declined)</translation>
        </message>
        <message>
            <source>支援状況連絡票は .xlsx のファイルを指定してください</source>
            <translation>Choose the status sheet as an .xlsx file</translation>
        </message>
        <message>
            <source>支援要請「{number}」は支援中ではありません（終了・差戻し・取下げ）</source>
            <translation>Referral {number} is no longer open (closed, returned or withdrawn)</translation>
        </message>
        <message>
            <source>支援要請番号がありません</source>
            <translation>The referral number is missing</translation>
        </message>
        <message>
            <source>日付が記入されていません</source>
            <translation>The date is missing</translation>
        </message>
        <message>
            <source>日付は {earliest} 以降にしてください（受付日より前です）</source>
            <translation>The date must be {earliest} or later (it is before the intake)</translation>
        </message>
        <message>
            <source>未来の日付は入力できません</source>
            <translation>Future dates cannot be entered</translation>
        </message>
        <message>
            <source>求職番号 {value}</source>
            <translation>job seeker number {value}</translation>
        </message>
        <message>
            <source>求職番号は32文字以内で入力してください</source>
            <translation>Enter the job seeker number in at most 32 characters</translation>
        </message>
        <message>
            <source>種別「{kind}」は{kinds}のいずれかで記入してください</source>
            <translation>Kind "{kind}" must be one of {kinds}</translation>
        </message>
        <message>
            <source>種別が記入されていません</source>
            <translation>The kind is missing</translation>
        </message>
        <message>
            <source>種別を選んでください（{kinds}）</source>
            <translation>Choose the kind ({kinds})</translation>
        </message>
        <message>
            <source>終了日が開始日より前になっています</source>
            <translation>The end date is before the start date</translation>
        </message>
        <message>
            <source>終了日はセミナー・訓練のときだけ入力します</source>
            <translation>An end date is entered only for a seminar or training</translation>
        </message>
        <message>
            <source>連絡票にハローワークの名称がありません。ハローワークを指定してください</source>
            <translation>The sheet does not name a Hello Work office. Choose the office</translation>
        </message>
        <message>
            <source>連絡票のハローワーク「{named}」は登録されていません</source>
            <translation>The office named on the sheet, {named}, is not registered</translation>
        </message>
    </context>
    <context>
        <name>Hygiene</name>
        <message>
            <source>FAX</source>
            <translation>Fax</translation>
        </message>
        <message>
            <source>{field}: {why}</source>
            <translation>{field}: {why}</translation>
        </message>
        <message>
            <source>{limit:,}文字以内で入力してください（{count:,}文字あります）</source>
            <translation>Enter at most {limit:,} characters ({count:,} characters now)</translation>
        </message>
        <message>
            <source>「{char}」（U+{code:04X}）は書類に印刷できない文字のため入力できません（絵文字など）。別の文字で入力してください</source>
            <translation>“{char}” (U+{code:04X}) cannot be entered: it cannot be printed on the forms (an emoji or similar). Use another character</translation>
        </message>
        <message>
            <source>ケース番号</source>
            <translation>Case no.</translation>
        </message>
        <message>
            <source>チーム構成員</source>
            <translation>Team member</translation>
        </message>
        <message>
            <source>ナビゲーター</source>
            <translation>Navigators</translation>
        </message>
        <message>
            <source>フリガナ（名）</source>
            <translation>Given name (kana)</translation>
        </message>
        <message>
            <source>フリガナ（氏）</source>
            <translation>Family name (kana)</translation>
        </message>
        <message>
            <source>ユーザー名</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>世帯状況</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>事業所名</source>
            <translation>Employer</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>保存できない文字が含まれています</source>
            <translation>Contains a character that cannot be saved</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>先頭に = + - @ は使えません（表計算ソフトで数式として実行されるため）</source>
            <translation>Cannot start with = + - @ (a spreadsheet would run it as a formula)</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>内線</source>
            <translation>Extension</translation>
        </message>
        <message>
            <source>制御文字が含まれています（コピーした文字に紛れ込んでいないか確認してください）</source>
            <translation>Contains a control character (check that none slipped in with copied text)</translation>
        </message>
        <message>
            <source>名</source>
            <translation>Given name</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>学歴</source>
            <translation>Education</translation>
        </message>
        <message>
            <source>就労阻害要因</source>
            <translation>Barriers to work</translation>
        </message>
        <message>
            <source>差戻しの理由</source>
            <translation>Reason for return</translation>
        </message>
        <message>
            <source>希望職種</source>
            <translation>Desired job</translation>
        </message>
        <message>
            <source>提供先</source>
            <translation>Recipients</translation>
        </message>
        <message>
            <source>改行は入力できません</source>
            <translation>Line breaks cannot be entered</translation>
        </message>
        <message>
            <source>文字の表示方向を変える制御文字が含まれています</source>
            <translation>Contains a control character that changes text direction</translation>
        </message>
        <message>
            <source>文書記号</source>
            <translation>Document symbol</translation>
        </message>
        <message>
            <source>次の対応</source>
            <translation>Next action</translation>
        </message>
        <message>
            <source>正式名称</source>
            <translation>Official name</translation>
        </message>
        <message>
            <source>氏</source>
            <translation>Family name</translation>
        </message>
        <message>
            <source>決定事項</source>
            <translation>Decisions</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>目に見えない文字（ゼロ幅スペース・方向マーク・行区切りなど）が含まれています。コピーした文字に紛れ込んでいないか確認してください</source>
            <translation>Contains an invisible character (zero-width space, direction mark, line separator…). Check that none came in with copied text</translation>
        </message>
        <message>
            <source>目標とする職種</source>
            <translation>Target job</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>職歴</source>
            <translation>Work history</translation>
        </message>
        <message>
            <source>職種</source>
            <translation>Job title</translation>
        </message>
        <message>
            <source>表示名</source>
            <translation>Display name</translation>
        </message>
        <message>
            <source>設定値</source>
            <translation>Setting value</translation>
        </message>
        <message>
            <source>資格・免許</source>
            <translation>Qualifications and licences</translation>
        </message>
        <message>
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>長の氏名</source>
            <translation>Head's name</translation>
        </message>
        <message>
            <source>長の職名</source>
            <translation>Head's title</translation>
        </message>
        <message>
            <source>離職理由</source>
            <translation>Reason for leaving</translation>
        </message>
        <message>
            <source>電話</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>電話（携帯）</source>
            <translation>Phone (mobile)</translation>
        </message>
        <message>
            <source>電話（自宅）</source>
            <translation>Phone (home)</translation>
        </message>
    </context>
    <context>
        <name>Intake</name>
        <message>
            <source>{case_number} {name}（{kana}）{birth}生</source>
            <translation>{case_number} {name} ({kana}), born {birth}</translation>
        </message>
        <message>
            <source>{name}の記録を開く</source>
            <translation>Open the record of {name}</translation>
        </message>
        <message>
            <source>この人の記録を開く</source>
            <translation>Open this record</translation>
        </message>
        <message>
            <source>上記の人とは別人であることを確認しました</source>
            <translation>I have confirmed this is a different person from the above</translation>
        </message>
        <message>
            <source>例: {example}</source>
            <translation>e.g. {example}</translation>
        </message>
        <message>
            <source>例: {example}（最後に登録した番号）</source>
            <translation>e.g. {example} (the last number registered)</translation>
        </message>
        <message>
            <source>受付日</source>
            <translation>Intake date</translation>
        </message>
        <message>
            <source>受付日を入力してください</source>
            <translation>Enter the intake date</translation>
        </message>
        <message>
            <source>受付時のメモ</source>
            <translation>Intake note</translation>
        </message>
        <message>
            <source>同じフリガナと生年月日の人が既に登録されています:</source>
            <translation>A person with the same kana name and date of birth is already registered:</translation>
        </message>
        <message>
            <source>希望職種</source>
            <translation>Desired job</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>担当を選んでください（決まっていなければ「担当なし」）</source>
            <translation>Choose the caseworker (or "None yet")</translation>
        </message>
        <message>
            <source>支援対象者を登録し、支援エピソード（候補）を開始します。</source>
            <translation>Registers the client and starts a support episode (candidate).</translation>
        </message>
        <message>
            <source>新規受付</source>
            <translation>New intake</translation>
        </message>
        <message>
            <source>次の空き番号です。別の番号にするときは上書きしてください</source>
            <translation>The next free number. Type over it to use another number</translation>
        </message>
        <message>
            <source>生年月日を入力してください</source>
            <translation>Enter the date of birth</translation>
        </message>
        <message>
            <source>登録する</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>選んでください</source>
            <translation>Choose</translation>
        </message>
        <message>
            <source>（担当なし・あとで決める）</source>
            <translation>(None yet — decide later)</translation>
        </message>
    </context>
    <context>
        <name>IssueDialog</name>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>プレビューを更新</source>
            <translation>Update preview</translation>
        </message>
        <message>
            <source>宛先: {addressee}。文書番号は「発行」したときに付きます。内容を確かめ、必要なら書き直してから発行してください。</source>
            <translation>To: {addressee}. The document number is given when you click Issue. Check the content, rewrite what is needed, then issue.</translation>
        </message>
        <message>
            <source>支援期間（から）</source>
            <translation>Support period (from)</translation>
        </message>
        <message>
            <source>支援期間（まで）</source>
            <translation>Support period (until)</translation>
        </message>
        <message>
            <source>支援経過</source>
            <translation>Support so far</translation>
        </message>
        <message>
            <source>特記事項</source>
            <translation>Remarks</translation>
        </message>
        <message>
            <source>発行</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>発行前の確認 — {title}</source>
            <translation>Check before issuing — {title}</translation>
        </message>
    </context>
    <context>
        <name>Keystore</name>
        <message>
            <source>OSのキーチェーンにデータベースの鍵が見つかりません。初期設定時に控えた回復キーを TSUNAGI_DB_PASSPHRASE に指定してください</source>
            <translation>The database key was not found in the OS keychain. Set TSUNAGI_DB_PASSPHRASE to the recovery key you noted at setup</translation>
        </message>
        <message>
            <source>この環境ではOSのキーチェーンが使えません。TSUNAGI_DB_PASSPHRASE にパスフレーズ（10文字以上）を設定して、もう一度実行してください</source>
            <translation>The OS keychain is not available here. Set TSUNAGI_DB_PASSPHRASE to a passphrase (10 characters or more) and run again</translation>
        </message>
        <message>
            <source>データベースのパスフレーズが必要です（TSUNAGI_DB_PASSPHRASE で指定してください）</source>
            <translation>The database passphrase is required (set it with TSUNAGI_DB_PASSPHRASE)</translation>
        </message>
        <message>
            <source>パスフレーズは{MIN_PASSPHRASE}文字以上にしてください</source>
            <translation>The passphrase must be at least {MIN_PASSPHRASE} characters</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>1か月以上4か月未満</source>
            <translation>1 to under 4 months</translation>
        </message>
        <message>
            <source>1か月未満</source>
            <translation>Under 1 month</translation>
        </message>
        <message>
            <source>4か月以上</source>
            <translation>4 months or more</translation>
        </message>
        <message>
            <source>HW紹介</source>
            <translation>Hello Work referral</translation>
        </message>
        <message>
            <source>HW連絡</source>
            <translation>Contact with HW</translation>
        </message>
        <message>
            <source>おおむね良好</source>
            <translation>Mostly fine</translation>
        </message>
        <message>
            <source>その他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>その他の費用</source>
            <translation>Other cost</translation>
        </message>
        <message>
            <source>ケースワーカー</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>ケース会議</source>
            <translation>Case conference</translation>
        </message>
        <message>
            <source>セミナー</source>
            <translation>Seminar</translation>
        </message>
        <message>
            <source>セミナー・訓練</source>
            <translation>Seminar / training</translation>
        </message>
        <message>
            <source>トライアル雇用</source>
            <translation>Trial employment</translation>
        </message>
        <message>
            <source>ナビゲーター職業相談・紹介</source>
            <translation>Navigator job counselling and referral</translation>
        </message>
        <message>
            <source>ハローワーク</source>
            <translation>Hello Work</translation>
        </message>
        <message>
            <source>ハローワークへの支援要請</source>
            <translation>Referral to Hello Work</translation>
        </message>
        <message>
            <source>ハローワーク連絡会議</source>
            <translation>Hello Work liaison meeting</translation>
        </message>
        <message>
            <source>不採用</source>
            <translation>Not hired</translation>
        </message>
        <message>
            <source>中断</source>
            <translation>Discontinued</translation>
        </message>
        <message>
            <source>中止</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>中間的就労</source>
            <translation>Intermediate employment</translation>
        </message>
        <message>
            <source>交通費</source>
            <translation>Fare</translation>
        </message>
        <message>
            <source>他事業へ移行</source>
            <translation>Moved to another programme</translation>
        </message>
        <message>
            <source>住居確保給付金受給者</source>
            <translation>Housing security benefit recipient</translation>
        </message>
        <message>
            <source>保護廃止</source>
            <translation>Protection ended</translation>
        </message>
        <message>
            <source>保護廃止(就労収入増)</source>
            <translation>Protection ended (income from work)</translation>
        </message>
        <message>
            <source>修了</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>候補</source>
            <translation>Candidate</translation>
        </message>
        <message>
            <source>健康状態、世帯の状況、就労を妨げている事情（就労阻害要因）とその対応</source>
            <translation>Health, household, what stands in the way of work and how it is addressed</translation>
        </message>
        <message>
            <source>健康状態・就労阻害要因</source>
            <translation>Health and barriers to work</translation>
        </message>
        <message>
            <source>健康状態・通院</source>
            <translation>Health and hospital visits</translation>
        </message>
        <message>
            <source>債務・家計</source>
            <translation>Debts and household finances</translation>
        </message>
        <message>
            <source>傷病等で就労困難</source>
            <translation>Unable to work (illness or injury)</translation>
        </message>
        <message>
            <source>児童扶養手当受給者</source>
            <translation>Child-rearing allowance recipient</translation>
        </message>
        <message>
            <source>公共職業訓練</source>
            <translation>Public vocational training</translation>
        </message>
        <message>
            <source>参加同意</source>
            <translation>Consent to participate</translation>
        </message>
        <message>
            <source>受付</source>
            <translation>Intake</translation>
        </message>
        <message>
            <source>台帳から取込</source>
            <translation>Imported from the ledger</translation>
        </message>
        <message>
            <source>台帳取込</source>
            <translation>Ledger import</translation>
        </message>
        <message>
            <source>台帳取込: 次の就職の前に離職</source>
            <translation>Ledger import: left before the next placement</translation>
        </message>
        <message>
            <source>同意なし</source>
            <translation>No consent</translation>
        </message>
        <message>
            <source>同意取得</source>
            <translation>Consented</translation>
        </message>
        <message>
            <source>同意撤回</source>
            <translation>Consent withdrawn</translation>
        </message>
        <message>
            <source>同行</source>
            <translation>Accompanied visit</translation>
        </message>
        <message>
            <source>同行支援</source>
            <translation>Accompanied support</translation>
        </message>
        <message>
            <source>基本的なコミュニケーション</source>
            <translation>Basic communication</translation>
        </message>
        <message>
            <source>女性</source>
            <translation>Female</translation>
        </message>
        <message>
            <source>学歴、職歴、資格・免許</source>
            <translation>Education, work history, qualifications and licences</translation>
        </message>
        <message>
            <source>学歴・職歴</source>
            <translation>Education and work history</translation>
        </message>
        <message>
            <source>定めなし</source>
            <translation>No fixed term</translation>
        </message>
        <message>
            <source>定着支援</source>
            <translation>Retention support</translation>
        </message>
        <message>
            <source>定着支援への協力</source>
            <translation>Retention support</translation>
        </message>
        <message>
            <source>家庭訪問</source>
            <translation>Home visit</translation>
        </message>
        <message>
            <source>家族・育児・介護</source>
            <translation>Family, childcare and care duties</translation>
        </message>
        <message>
            <source>就労意欲</source>
            <translation>Motivation to work</translation>
        </message>
        <message>
            <source>就労支援員</source>
            <translation>Employment support worker</translation>
        </message>
        <message>
            <source>就労準備支援事業</source>
            <translation>Work readiness programme</translation>
        </message>
        <message>
            <source>就労準備支援事業費</source>
            <translation>Work readiness programme budget</translation>
        </message>
        <message>
            <source>就職</source>
            <translation>Placed</translation>
        </message>
        <message>
            <source>就職(定着確認)</source>
            <translation>Placed (retention confirmed)</translation>
        </message>
        <message>
            <source>就職により定着支援へ自動移行</source>
            <translation>Moved to retention support on placement</translation>
        </message>
        <message>
            <source>就職により終了</source>
            <translation>Ended by a job placement</translation>
        </message>
        <message>
            <source>就職・定着の状況</source>
            <translation>Placement and retention</translation>
        </message>
        <message>
            <source>就職先、就職日、雇用条件、雇用保険、就職経路、職場定着の確認の結果、就労による保護の廃止・減額と就労自立給付金の申請の有無</source>
            <translation>Employer, start date, terms, employment insurance, how the job was found, retention check results, end or reduction of public assistance through work and whether the independence benefit was applied for</translation>
        </message>
        <message>
            <source>市単独事業費</source>
            <translation>Municipal budget</translation>
        </message>
        <message>
            <source>希望する仕事と条件、就労支援プランの目標と内容、これまでの支援の経過、求職活動の状況、支援の終了</source>
            <translation>Wanted job and conditions, the support plan's goals and content, the support given so far, job search status, end of support</translation>
        </message>
        <message>
            <source>常設窓口（福祉事務所内など）</source>
            <translation>Permanent desk (at a welfare office)</translation>
        </message>
        <message>
            <source>当機関</source>
            <translation>Our organisation</translation>
        </message>
        <message>
            <source>応募</source>
            <translation>Application</translation>
        </message>
        <message>
            <source>応募書類作成</source>
            <translation>Application documents</translation>
        </message>
        <message>
            <source>情報提供同意</source>
            <translation>Consent to share information</translation>
        </message>
        <message>
            <source>担当の一括変更（人事異動）</source>
            <translation>Caseload move (staff changes)</translation>
        </message>
        <message>
            <source>担当変更</source>
            <translation>Reassigned</translation>
        </message>
        <message>
            <source>採否</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>採用</source>
            <translation>Hired</translation>
        </message>
        <message>
            <source>支援中</source>
            <translation>In support</translation>
        </message>
        <message>
            <source>支援期間満了</source>
            <translation>Support period ended</translation>
        </message>
        <message>
            <source>支援要請済</source>
            <translation>Referred</translation>
        </message>
        <message>
            <source>支援調整会議</source>
            <translation>Support coordination meeting</translation>
        </message>
        <message>
            <source>本所・出張所</source>
            <translation>Main or branch office</translation>
        </message>
        <message>
            <source>査察指導員</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>検討</source>
            <translation>Screening</translation>
        </message>
        <message>
            <source>氏名、フリガナ、生年月日、性別、住所、電話番号</source>
            <translation>Name, reading, date of birth, sex, address, phone number</translation>
        </message>
        <message>
            <source>氏名・連絡先等の本人確認情報</source>
            <translation>Identity and contact details</translation>
        </message>
        <message>
            <source>求人</source>
            <translation>Job offers</translation>
        </message>
        <message>
            <source>求職活動</source>
            <translation>Job search</translation>
        </message>
        <message>
            <source>求職活動の状況</source>
            <translation>Job search status</translation>
        </message>
        <message>
            <source>求職活動の経験</source>
            <translation>Job search experience</translation>
        </message>
        <message>
            <source>求職者支援訓練</source>
            <translation>Job seeker support training</translation>
        </message>
        <message>
            <source>減額</source>
            <translation>Reduced</translation>
        </message>
        <message>
            <source>生活リズム</source>
            <translation>Daily rhythm</translation>
        </message>
        <message>
            <source>生活保護受給者</source>
            <translation>Public assistance recipient</translation>
        </message>
        <message>
            <source>生活保護費（一時扶助）</source>
            <translation>Public assistance (temporary aid)</translation>
        </message>
        <message>
            <source>生活困窮者</source>
            <translation>Person in need</translation>
        </message>
        <message>
            <source>男性</source>
            <translation>Male</translation>
        </message>
        <message>
            <source>相談支援員</source>
            <translation>Consultation support worker</translation>
        </message>
        <message>
            <source>福祉事務所</source>
            <translation>Welfare office</translation>
        </message>
        <message>
            <source>移動手段</source>
            <translation>Means of transport</translation>
        </message>
        <message>
            <source>管理者</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>経路の変更により支援要請を取下げ</source>
            <translation>Referral withdrawn on a change of route</translation>
        </message>
        <message>
            <source>継続就労</source>
            <translation>Still employed</translation>
        </message>
        <message>
            <source>職場体験</source>
            <translation>Workplace experience</translation>
        </message>
        <message>
            <source>職場体験・中間的就労</source>
            <translation>Workplace experience / intermediate employment</translation>
        </message>
        <message>
            <source>職業準備プログラム</source>
            <translation>Job readiness programme</translation>
        </message>
        <message>
            <source>職業相談</source>
            <translation>Job counselling</translation>
        </message>
        <message>
            <source>職業相談・職業紹介</source>
            <translation>Job counselling and placement</translation>
        </message>
        <message>
            <source>職業紹介</source>
            <translation>Job referral</translation>
        </message>
        <message>
            <source>職業訓練</source>
            <translation>Vocational training</translation>
        </message>
        <message>
            <source>職歴</source>
            <translation>Work history</translation>
        </message>
        <message>
            <source>自己開拓</source>
            <translation>Found own job</translation>
        </message>
        <message>
            <source>自立相談支援機関（委託）</source>
            <translation>Independence support centre (contracted)</translation>
        </message>
        <message>
            <source>自立相談支援機関（直営）</source>
            <translation>Independence support centre (municipal)</translation>
        </message>
        <message>
            <source>良好</source>
            <translation>Good</translation>
        </message>
        <message>
            <source>被保護者就労支援事業費</source>
            <translation>Employment support for assistance recipients budget</translation>
        </message>
        <message>
            <source>訓練</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>課題がある</source>
            <translation>Some difficulties</translation>
        </message>
        <message>
            <source>課題が大きい</source>
            <translation>Major difficulties</translation>
        </message>
        <message>
            <source>転居・移管</source>
            <translation>Moved or transferred</translation>
        </message>
        <message>
            <source>辞退</source>
            <translation>Declined</translation>
        </message>
        <message>
            <source>連絡不能</source>
            <translation>Unreachable</translation>
        </message>
        <message>
            <source>関係機関</source>
            <translation>Other agency</translation>
        </message>
        <message>
            <source>閲覧のみ</source>
            <translation>View only</translation>
        </message>
        <message>
            <source>障害者</source>
            <translation>Person with a disability</translation>
        </message>
        <message>
            <source>離職</source>
            <translation>Left the job</translation>
        </message>
        <message>
            <source>電話</source>
            <translation>Phone call</translation>
        </message>
        <message>
            <source>面接</source>
            <translation>Interview</translation>
        </message>
        <message>
            <source>面接対策</source>
            <translation>Interview practice</translation>
        </message>
        <message>
            <source>面談</source>
            <translation>Interview</translation>
        </message>
    </context>
    <context>
        <name>LanguageDialog</name>
        <message>
            <source>この PC で使う言語を選びます。次回の起動から切り替わります。印刷する書類（支援要請書・同意書など）は日本語のままです。</source>
            <translation>Choose the language used on this PC. It changes from the next start. Printed documents (referral and consent forms and the like) stay in Japanese.</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>次回の起動から「{language}」で表示します。</source>
            <translation>From the next start, Tsunagi will be shown in "{language}".</translation>
        </message>
        <message>
            <source>表示言語 (Language)</source>
            <translation>Language (表示言語)</translation>
        </message>
        <message>
            <source>設定を保存できませんでした（{reason}）</source>
            <translation>Could not save the setting ({reason})</translation>
        </message>
    </context>
    <context>
        <name>Ledger</name>
        <message>
            <source>1回に取り込める行数は{MAX_ROWS:,}行までです</source>
            <translation>At most {MAX_ROWS:,} rows can be imported at once</translation>
        </message>
        <message>
            <source>CSVを読み取れません（{exc}）</source>
            <translation>Cannot read the CSV ({exc})</translation>
        </message>
        <message>
            <source>Excelファイルとして読み取れません（{error}）</source>
            <translation>Cannot read the file as Excel ({error})</translation>
        </message>
        <message>
            <source>{column}が{previous}より前になっています</source>
            <translation>{column} is before {previous}</translation>
        </message>
        <message>
            <source>{column}があるときは{date}も入力してください</source>
            <translation>With a {column}, enter the {date} too</translation>
        </message>
        <message>
            <source>{column}があるのに{previous}がありません</source>
            <translation>{column} is given but {previous} is missing</translation>
        </message>
        <message>
            <source>{column}は姓と名の間に空白を入れてください（例: 山田 太郎）</source>
            <translation>Put a space between family and given name in {column} (e.g. 山田 太郎)</translation>
        </message>
        <message>
            <source>{column}を入力してください</source>
            <translation>Enter {column}</translation>
        </message>
        <message>
            <source>{date}のある行がありますが、支援要請先のハローワークが登録されていません。ハローワークを登録するか、台帳に{column}の列を加えてください。何も取り込んでいません</source>
            <translation>Some rows have a {date}, but no Hello Work office is registered. Register an office, or add a {column} column to the ledger. Nothing was imported</translation>
        </message>
        <message>
            <source>{date}のある行に{column}が書かれていません。既定の支援要請先のハローワークを指定してください（コマンドでは --office）。何も取り込んでいません</source>
            <translation>Some rows with a {date} have no {column}. Choose the Hello Work office for them (on the command line: --office). Nothing was imported</translation>
        </message>
        <message>
            <source>{row}行目と同じ支援エピソード・就職日の重複行です</source>
            <translation>Duplicate of row {row}: same support episode and placement date</translation>
        </message>
        <message>
            <source>{row}行目と同じ支援エピソード（ケース番号・受付日）ですが、氏名や日付が一致しません</source>
            <translation>Same support episode as row {row} (case no. and intake date), but the name or dates differ</translation>
        </message>
        <message>
            <source>「{staff_text}」という職員が複数います。「表示名（ユーザー名）」の形で指定してください</source>
            <translation>There are several staff members called "{staff_text}". Give them as "display name（user name）"</translation>
        </message>
        <message>
            <source>「{text}」が読めません（{choices}。続けて確認日も書けます）</source>
            <translation>"{text}" cannot be read ({choices}; the day of the check may follow)</translation>
        </message>
        <message>
            <source>この対象者には終了していない支援エピソードが既にあります</source>
            <translation>This client already has a support episode that is not closed</translation>
        </message>
        <message>
            <source>ケース番号「{number}」はほかの組織の対象者に使われているため、取り込めません（その組織で取り込むか、管理者に依頼してください）</source>
            <translation>Case number {number} is used by a client of another organisation, so the row cannot be imported (import it in that organisation, or ask an administrator)</translation>
        </message>
        <message>
            <source>ケース番号「{number}」は氏名または生年月日が異なる対象者として登録済みです</source>
            <translation>Case no. "{number}" is already registered for a client with a different name or date of birth</translation>
        </message>
        <message>
            <source>ファイルが見つかりません: {path}</source>
            <translation>File not found: {path}</translation>
        </message>
        <message>
            <source>ファイルを読み取れません: {path}（{reason}）</source>
            <translation>Cannot read the file: {path} ({reason})</translation>
        </message>
        <message>
            <source>事業所名・雇用期間区分があるときは就職日を入力してください</source>
            <translation>Enter the placement date when an employer or employment term is given</translation>
        </message>
        <message>
            <source>取り込めなかった行の一覧を {path} に書き込めません（{reason}）。取り込んだ行は保存されています</source>
            <translation>Cannot write the list of rejected rows to {path} ({reason}). The imported rows have been saved</translation>
        </message>
        <message>
            <source>受付日が生年月日より前になっています</source>
            <translation>The intake date is before the date of birth</translation>
        </message>
        <message>
            <source>台帳の{column}に、登録されていないハローワークがあります: {names}。登録してから取り込むか、取り込むときに登録してください（コマンドでは --create-offices）。何も取り込んでいません</source>
            <translation>The ledger's {column} names Hello Work offices that are not registered: {names}. Register them first, or let the import register them (on the command line: --create-offices). Nothing was imported</translation>
        </message>
        <message>
            <source>台帳は .xlsx または .csv のファイルを指定してください</source>
            <translation>Choose an .xlsx or .csv file as the ledger</translation>
        </message>
        <message>
            <source>同じケース番号の別の行と氏名・生年月日などが一致しません</source>
            <translation>The name, date of birth or other details differ from another row with the same case no.</translation>
        </message>
        <message>
            <source>同じ支援エピソードの別の行に誤りがあります</source>
            <translation>Another row of the same support episode has an error</translation>
        </message>
        <message>
            <source>定着確認の結果は就職日がある行にだけ入力できます</source>
            <translation>A retention check result can only be given on a row with a placement date</translation>
        </message>
        <message>
            <source>対象者区分「{category_text}」は一覧にありません（{choices}）</source>
            <translation>Category "{category_text}" is not in the list ({choices})</translation>
        </message>
        <message>
            <source>就職日があるときは事業所名を入力してください</source>
            <translation>Enter the employer when a placement date is given</translation>
        </message>
        <message>
            <source>形式は xlsx・csv・json のいずれかです</source>
            <translation>The format must be xlsx, csv or json</translation>
        </message>
        <message>
            <source>後の受付がある支援エピソードは終了日が必要です</source>
            <translation>A support episode followed by a later intake needs a closing date</translation>
        </message>
        <message>
            <source>必須の列がありません: {columns}</source>
            <translation>Required columns are missing: {columns}</translation>
        </message>
        <message>
            <source>性別「{sex_text}」が読めません（{choices}、または空欄）</source>
            <translation>Sex "{sex_text}" cannot be read ({choices}, or blank)</translation>
        </message>
        <message>
            <source>担当者「{staff_text}」が有効な職員として登録されていません</source>
            <translation>Staff member "{staff_text}" is not registered as an active staff member</translation>
        </message>
        <message>
            <source>指定したハローワークが見つかりません（無効になっていないか確認してください）</source>
            <translation>The Hello Work office given was not found (check that it is not disabled)</translation>
        </message>
        <message>
            <source>文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）</source>
            <translation>Cannot tell the character encoding (save as UTF-8 or Shift_JIS)</translation>
        </message>
        <message>
            <source>未来の日付です（{date}）</source>
            <translation>The date is in the future ({date})</translation>
        </message>
        <message>
            <source>確認日が未来です（{date}）</source>
            <translation>The check date is in the future ({date})</translation>
        </message>
        <message>
            <source>終了日がほかの日付より前になっています</source>
            <translation>The closing date is before another date</translation>
        </message>
        <message>
            <source>終了日と終了理由は両方入力してください</source>
            <translation>Enter both the closing date and the closing reason</translation>
        </message>
        <message>
            <source>終了理由「{reason}」は一覧にありません（{choices}）</source>
            <translation>Closing reason "{reason}" is not in the list ({choices})</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>見出し行（ケース番号・氏名・受付日 などの列名）が見つかりません</source>
            <translation>The header row (column names such as ケース番号, 氏名, 受付日) was not found</translation>
        </message>
        <message>
            <source>雇用期間区分「{term_text}」は一覧にありません（{choices}）</source>
            <translation>Employment term "{term_text}" is not in the list ({choices})</translation>
        </message>
        <message>
            <source>電話番号は2つまでです（自宅 / 携帯）</source>
            <translation>At most two phone numbers (home / mobile)</translation>
        </message>
    </context>
    <context>
        <name>LedgerDialog</name>
        <message>
            <source>{a}行を取り込みました（対象者 {p}人・支援エピソード {e}件）。取込済みで飛ばした行: {s}</source>
            <translation>Imported {a} rows ({p} clients, {e} support episodes). Rows skipped as already imported: {s}</translation>
        </message>
        <message>
            <source>{n}行: 取り込む {a}行・取込済み {b}行・誤りのある行 {c}行（{enc}）</source>
            <translation>{n} rows: {a} to import, {b} already imported, {c} with errors ({enc})</translation>
        </message>
        <message>
            <source>ケース番号</source>
            <translation>Case no.</translation>
        </message>
        <message>
            <source>ハローワークが登録されていないため、支援要請日のある行は取り込めません（管理 → ハローワーク で登録してください）。</source>
            <translation>No Hello Work office is registered, so rows with a referral date cannot be imported (register one under Administration → Hello Work offices).</translation>
        </message>
        <message>
            <source>ファイルを検査しています…</source>
            <translation>Checking the file…</translation>
        </message>
        <message>
            <source>使わない列: {cols}</source>
            <translation>Columns not used: {cols}</translation>
        </message>
        <message>
            <source>取り込む</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>取り込めなかった行: {r}（理由の一覧: {path}）</source>
            <translation>Rows not imported: {r} (reasons listed in {path})</translation>
        </message>
        <message>
            <source>取り込めません: {m}</source>
            <translation>Cannot import: {m}</translation>
        </message>
        <message>
            <source>取り込んでいます…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>取込済み</source>
            <translation>Already imported</translation>
        </message>
        <message>
            <source>受付日</source>
            <translation>Intake date</translation>
        </message>
        <message>
            <source>台帳にある未登録のハローワークを登録して取り込む: {names}</source>
            <translation>Register the unknown Hello Work offices the ledger names, and import: {names}</translation>
        </message>
        <message>
            <source>台帳の取込</source>
            <translation>Import ledger</translation>
        </message>
        <message>
            <source>台帳の取込 — {name}</source>
            <translation>Import ledger — {name}</translation>
        </message>
        <message>
            <source>支援要請先が書かれていない行のハローワーク</source>
            <translation>Hello Work office for rows that name none</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>誤り</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>誤りのある行は取り込まず、理由の一覧をファイルに書き出します。</source>
            <translation>Rows with errors are not imported; the reasons are written to a file.</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>／</source>
            <translation> / </translation>
        </message>
    </context>
    <context>
        <name>Login</name>
        <message>
            <source>この端末にはまだデータベースがありません。暗号化されたデータベースと、最初の管理者アカウントを作成します。</source>
            <translation>This PC has no database yet. An encrypted database and the first administrator account will be created.</translation>
        </message>
        <message>
            <source>この端末のデータベースのパスフレーズを入力してから、キットを選んでください</source>
            <translation>Enter the passphrase for this PC's database first, then choose the kit</translation>
        </message>
        <message>
            <source>つなぎ</source>
            <translation>Tsunagi</translation>
        </message>
        <message>
            <source>つなぎ 回復キー</source>
            <translation>Tsunagi recovery key</translation>
        </message>
        <message>
            <source>はじめての設定</source>
            <translation>First-time setup</translation>
        </message>
        <message>
            <source>アプリを終了</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>クリップボードにコピー</source>
            <translation>Copy to clipboard</translation>
        </message>
        <message>
            <source>データベースのパスフレーズ（10文字以上）</source>
            <translation>Database passphrase (10 characters or more)</translation>
        </message>
        <message>
            <source>データベースの鍵</source>
            <translation>Database key</translation>
        </message>
        <message>
            <source>パスフレーズが一致しません</source>
            <translation>The passphrases do not match</translation>
        </message>
        <message>
            <source>パスフレーズまたは回復キー</source>
            <translation>Passphrase or recovery key</translation>
        </message>
        <message>
            <source>パスフレーズ（確認）</source>
            <translation>Passphrase (again)</translation>
        </message>
        <message>
            <source>パスワード</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>パスワードが一致しません</source>
            <translation>The passwords do not match</translation>
        </message>
        <message>
            <source>パスワードの変更</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>パスワード（8文字以上）</source>
            <translation>Password (8 characters or more)</translation>
        </message>
        <message>
            <source>パスワード（確認）</source>
            <translation>Password (again)</translation>
        </message>
        <message>
            <source>ユーザー名</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>ログイン</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>ロック解除</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>一定時間操作がなかったため、画面をロックしました。</source>
            <translation>The screen was locked because nothing happened for a while.</translation>
        </message>
        <message>
            <source>作成する</source>
            <translation>Create</translation>
        </message>
        <message>
            <source>出張用キット (*.tsunagi-kit)</source>
            <translation>Outreach kit (*.tsunagi-kit)</translation>
        </message>
        <message>
            <source>出張用キットから始める…</source>
            <translation>Start from an outreach kit…</translation>
        </message>
        <message>
            <source>出張用キットを選択</source>
            <translation>Choose an outreach kit</translation>
        </message>
        <message>
            <source>出張用キットを開く</source>
            <translation>Open outreach kit</translation>
        </message>
        <message>
            <source>出張相談用のノートPCでは、事務所で作った出張用キットからデータベースを作ります（ログインは事務所と同じユーザー名・パスワードです）。</source>
            <translation>On a laptop for outreach sessions, the database is made from an outreach kit created at the office (log in with the same user name and password as at the office).</translation>
        </message>
        <message>
            <source>初期パスワード（または管理者がリセットしたパスワード）でログインしました。使い始める前に、自分だけが知っている新しいパスワードに変更してください。</source>
            <translation>You signed in with an initial password (or one reset by an administrator). Before anything else, change it to a new one only you know.</translation>
        </message>
        <message>
            <source>別のユーザーでサインイン</source>
            <translation>Sign in as another user</translation>
        </message>
        <message>
            <source>印刷…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>回復キー</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <source>回復キーを控えてから、「回復キーを控えました」にチェックを入れて閉じてください。</source>
            <translation>Write down the recovery key first, then tick "I have written down the recovery key" and close.</translation>
        </message>
        <message>
            <source>回復キーを控えました</source>
            <translation>I have written down the recovery key</translation>
        </message>
        <message>
            <source>変更してログイン</source>
            <translation>Change and sign in</translation>
        </message>
        <message>
            <source>就労支援ケース管理</source>
            <translation>Employment support case management</translation>
        </message>
        <message>
            <source>新しいパスワードが一致しません</source>
            <translation>The new passwords do not match</translation>
        </message>
        <message>
            <source>新しいパスワードに変更するまでログインできません</source>
            <translation>You cannot sign in until you choose a new password</translation>
        </message>
        <message>
            <source>新しいパスワード（{n}文字以上）</source>
            <translation>New password ({n} characters or more)</translation>
        </message>
        <message>
            <source>新しいパスワード（確認）</source>
            <translation>New password (again)</translation>
        </message>
        <message>
            <source>次の回復キーを紙に書き写すか印刷し、金庫など安全な場所に保管してください。鍵を失ったとき、データベースを開ける唯一の手段です。この画面は二度と表示されません。</source>
            <translation>Copy the recovery key below onto paper or print it, and keep it somewhere safe such as a safe. If the key is lost it is the only way to open the database. This screen is never shown again.</translation>
        </message>
        <message>
            <source>画面のロック</source>
            <translation>Screen locked</translation>
        </message>
        <message>
            <source>画面をロックしました。</source>
            <translation>The screen is locked.</translation>
        </message>
        <message>
            <source>確認しています…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>管理者のユーザー名</source>
            <translation>Administrator's user name</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>表示名</source>
            <translation>Display name</translation>
        </message>
        <message>
            <source>金庫など安全な場所に保管してください。データベースの鍵を失ったとき、データベースを開ける唯一の手段です。</source>
            <translation>Keep this somewhere safe such as a safe. If the database key is lost it is the only way to open the database.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>{name}のメニュー</source>
            <translation>Menu of {name}</translation>
        </message>
        <message>
            <source>{n} 件を印刷しました（{folder}）</source>
            <translation>Printed {n} ({folder})</translation>
        </message>
        <message>
            <source>{n} 個のファイルを上書きして削除しました。アプリを終了します。</source>
            <translation>Overwrote and deleted {n} files. The app will now close.</translation>
        </message>
        <message>
            <source>{n}行を書き出しました: {p}</source>
            <translation>Wrote {n} rows: {p}</translation>
        </message>
        <message>
            <source>{title}を作りました（{n} 件の記録）: {p}</source>
            <translation>Created {title} ({n} records): {p}</translation>
        </message>
        <message>
            <source>{today}　{counted}</source>
            <translation>{today}  {counted}</translation>
        </message>
        <message>
            <source>この PC のデータベースに戻す…</source>
            <translation>Back to this PC's database…</translation>
        </message>
        <message>
            <source>すべての区分</source>
            <translation>All categories</translation>
        </message>
        <message>
            <source>すべての担当</source>
            <translation>All caseworkers</translation>
        </message>
        <message>
            <source>つなぎ</source>
            <translation>Tsunagi</translation>
        </message>
        <message>
            <source>キットと作業用データの消去</source>
            <translation>Erase kit and working data</translation>
        </message>
        <message>
            <source>キットと作業用データを消去…</source>
            <translation>Erase kit and working data…</translation>
        </message>
        <message>
            <source>キットを保存</source>
            <translation>Save kit</translation>
        </message>
        <message>
            <source>ケース一覧</source>
            <translation>Caseload</translation>
        </message>
        <message>
            <source>ケース一覧 {n} 人</source>
            <translation>Caseload: {n} persons</translation>
        </message>
        <message>
            <source>データベースの接続先（サーバー）…</source>
            <translation>Database connection (server)…</translation>
        </message>
        <message>
            <source>パスワードの変更</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>パスワードを変更</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>ファイル(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>ログアウト</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <source>一括印刷</source>
            <translation>Batch printing</translation>
        </message>
        <message>
            <source>中止</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>予定 {n} 件（うち期限超過 {o} 件）</source>
            <translation>{n} items due ({o} overdue)</translation>
        </message>
        <message>
            <source>事務所で返却用キットを取り込んだことを確認しましたか？
この端末の作業用データベースと、選んだキットのファイルを上書きしてから削除します。元に戻せません。</source>
            <translation>Have you confirmed that the return kit was imported at the office?
The working database on this PC and the chosen kit file will be overwritten, then deleted. This cannot be undone.</translation>
        </message>
        <message>
            <source>今日の予定</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>保存していない変更があります。破棄してログアウトしますか？</source>
            <translation>There are unsaved changes. Discard them and sign out?</translation>
        </message>
        <message>
            <source>保存していない変更があります。破棄して終了しますか？</source>
            <translation>There are unsaved changes. Discard them and quit?</translation>
        </message>
        <message>
            <source>保存できませんでした（{m}）</source>
            <translation>Could not save ({m})</translation>
        </message>
        <message>
            <source>出張_{caseworker}_{stamp}.tsunagi-kit</source>
            <translation>outreach_{caseworker}_{stamp}.tsunagi-kit</translation>
        </message>
        <message>
            <source>出張キットの取込</source>
            <translation>Import outreach kit</translation>
        </message>
        <message>
            <source>出張キットの取込…</source>
            <translation>Import outreach kit…</translation>
        </message>
        <message>
            <source>出張用キット</source>
            <translation>Outreach kit</translation>
        </message>
        <message>
            <source>出張用キット (*.tsunagi-kit)</source>
            <translation>Outreach kit (*.tsunagi-kit)</translation>
        </message>
        <message>
            <source>出張用キットを作る…</source>
            <translation>Make outreach kit…</translation>
        </message>
        <message>
            <source>出張用（オフライン）</source>
            <translation>Outreach (offline)</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>印刷できなかったもの:</source>
            <translation>Not printed:</translation>
        </message>
        <message>
            <source>台帳 (*.xlsx *.csv)</source>
            <translation>Ledger (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>台帳のひな形</source>
            <translation>Ledger template</translation>
        </message>
        <message>
            <source>台帳のひな形を保存</source>
            <translation>Save ledger template</translation>
        </message>
        <message>
            <source>台帳のひな形を保存…</source>
            <translation>Save ledger template…</translation>
        </message>
        <message>
            <source>台帳の取込…</source>
            <translation>Import ledger…</translation>
        </message>
        <message>
            <source>台帳の書出し</source>
            <translation>Export ledger</translation>
        </message>
        <message>
            <source>台帳の書出し（CSV）…</source>
            <translation>Export ledger (CSV)…</translation>
        </message>
        <message>
            <source>台帳の書出し（Excel）…</source>
            <translation>Export ledger (Excel)…</translation>
        </message>
        <message>
            <source>台帳を書き出す</source>
            <translation>Export ledger</translation>
        </message>
        <message>
            <source>台帳ファイルを選択</source>
            <translation>Choose a ledger file</translation>
        </message>
        <message>
            <source>基本情報に保存していない変更があります。破棄して閉じますか？</source>
            <translation>The profile has unsaved changes. Discard them and close?</translation>
        </message>
        <message>
            <source>変更する</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>完了にできるのは「次の対応」です。定着確認などは対象者の画面で記録してください。</source>
            <translation>Only a "next action" can be marked done here. Record retention checks and the like on the client's screen.</translation>
        </message>
        <message>
            <source>実績報告</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>就労支援ケース管理</source>
            <translation>Employment support case management</translation>
        </message>
        <message>
            <source>就労支援台帳_{stamp}.{fmt}</source>
            <translation>employment_support_ledger_{stamp}.{fmt}</translation>
        </message>
        <message>
            <source>就労支援台帳_ひな形.xlsx</source>
            <translation>employment_support_ledger_template.xlsx</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>支援状況連絡票 (*.xlsx)</source>
            <translation>Support status sheet (*.xlsx)</translation>
        </message>
        <message>
            <source>支援状況連絡票を作る（ハローワークへ）…</source>
            <translation>Make the support status sheet (for Hello Work)…</translation>
        </message>
        <message>
            <source>支援状況連絡票を取り込む…</source>
            <translation>Import a filled support status sheet…</translation>
        </message>
        <message>
            <source>支援要請書類を印刷しています…</source>
            <translation>Printing referral documents…</translation>
        </message>
        <message>
            <source>文字の大きさ…</source>
            <translation>Text size…</translation>
        </message>
        <message>
            <source>新しいパスワードが一致しません</source>
            <translation>The new passwords do not match</translation>
        </message>
        <message>
            <source>新しいパスワード（8文字以上）</source>
            <translation>New password (8 characters or more)</translation>
        </message>
        <message>
            <source>新しいパスワード（確認）</source>
            <translation>New password (again)</translation>
        </message>
        <message>
            <source>新規受付 (Ctrl+N)</source>
            <translation>New intake (Ctrl+N)</translation>
        </message>
        <message>
            <source>更新 (F5)</source>
            <translation>Refresh (F5)</translation>
        </message>
        <message>
            <source>期限超過のみ</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <source>未保存の変更</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>未印刷の支援要請を一括印刷…</source>
            <translation>Print all unprinted referrals…</translation>
        </message>
        <message>
            <source>検索</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>検索結果 {n} 件</source>
            <translation>{n} found</translation>
        </message>
        <message>
            <source>氏名・フリガナ・ケース番号で検索（ひらがな・半角も可）  Ctrl+F</source>
            <translation>Search by name, kana or case no. (hiragana and half-width too)  Ctrl+F</translation>
        </message>
        <message>
            <source>消去しました</source>
            <translation>Erased</translation>
        </message>
        <message>
            <source>消去するキットのファイル</source>
            <translation>Kit file to erase</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>State</translation>
        </message>
        <message>
            <source>現在のパスワード</source>
            <translation>Current password</translation>
        </message>
        <message>
            <source>画面の切り替え</source>
            <translation>Screens</translation>
        </message>
        <message>
            <source>画面をロック (Ctrl+L)</source>
            <translation>Lock screen (Ctrl+L)</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>終了を含むすべて</source>
            <translation>All, including closed</translation>
        </message>
        <message>
            <source>終了以外のすべて</source>
            <translation>All except closed</translation>
        </message>
        <message>
            <source>自動バックアップに失敗しました: {m}</source>
            <translation>Automatic backup failed: {m}</translation>
        </message>
        <message>
            <source>自動バックアップを作成しました（{name}）</source>
            <translation>Automatic backup created ({name})</translation>
        </message>
        <message>
            <source>表示言語 (Language)…</source>
            <translation>Language (表示言語)…</translation>
        </message>
        <message>
            <source>記入された支援状況連絡票を選択</source>
            <translation>Choose the filled support status sheet</translation>
        </message>
        <message>
            <source>読み込み中…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>返却_{stamp}.tsunagi-kit</source>
            <translation>return_{stamp}.tsunagi-kit</translation>
        </message>
        <message>
            <source>返却用キット</source>
            <translation>Return kit</translation>
        </message>
        <message>
            <source>返却用キットを作る…</source>
            <translation>Make return kit…</translation>
        </message>
        <message>
            <source>返却用キットを選択</source>
            <translation>Choose a return kit</translation>
        </message>
        <message>
            <source>選択した「次の対応」を完了にする</source>
            <translation>Mark the selected "next action" done</translation>
        </message>
    </context>
    <context>
        <name>Maintenance</name>
        <message>
            <source>このバックアップは、これより新しいバージョンのつなぎで作成されたため復元できません（スキーマ {revision}）。何も変更していません</source>
            <translation>This backup was made by a newer version of Tsunagi and cannot be restored (schema {revision}). Nothing was changed</translation>
        </message>
        <message>
            <source>このバックアップは別の事務所（別のデータベース）のものです。置き換えるには --foreign を付け、現在のデータベースの管理者が実行してください。何も変更していません</source>
            <translation>This backup belongs to another office (another database). To replace the database with it, add --foreign and run it as an administrator of the current database. Nothing was changed</translation>
        </message>
        <message>
            <source>つなぎのバックアップファイルではありません。何も変更していません</source>
            <translation>This is not a Tsunagi backup file. Nothing was changed</translation>
        </message>
        <message>
            <source>サーバー（PostgreSQL）のバックアップはサーバー側で取得してください</source>
            <translation>Back up the server (PostgreSQL) database on the server</translation>
        </message>
        <message>
            <source>データベースが壊れているため {step} を完了できません（{code}）</source>
            <translation>The database is damaged, so {step} could not be completed ({code})</translation>
        </message>
        <message>
            <source>データベースの整合性: {page}</source>
            <translation>Database integrity: {page}</translation>
        </message>
        <message>
            <source>バックアップ {name} には、このデータベースにない監査ログ #{seq} までが記録されています。データベースがそれより前の複製に置き換えられた（その後の記録が失われた）可能性があります</source>
            <translation>The backup {name} records the audit log up to #{seq}, which this database does not have. The database may have been replaced by an earlier copy (losing what was recorded after it)</translation>
        </message>
        <message>
            <source>バックアップの保存先のフォルダを作れません（{reason}）: {out}</source>
            <translation>Cannot create the backup folder ({reason}): {out}</translation>
        </message>
        <message>
            <source>バックアップの検証に失敗しました: {problems}</source>
            <translation>The backup failed verification: {problems}</translation>
        </message>
        <message>
            <source>バックアップを書き込めません（{reason}）: {parent}</source>
            <translation>Cannot write the backup ({reason}): {parent}</translation>
        </message>
        <message>
            <source>バックアップを開けません: {exc}。何も変更していません</source>
            <translation>Cannot open the backup: {exc}. Nothing was changed</translation>
        </message>
        <message>
            <source>バックアップファイルが壊れています（途中で切れているか、内容が変わっています）。何も変更していません</source>
            <translation>The backup file is damaged (cut short or altered). Nothing was changed</translation>
        </message>
        <message>
            <source>バックアップファイルの見出しが壊れています。何も変更していません</source>
            <translation>The backup file's header is damaged. Nothing was changed</translation>
        </message>
        <message>
            <source>バックアップファイルを読めません: {strerror}</source>
            <translation>Cannot read the backup file: {strerror}</translation>
        </message>
        <message>
            <source>参照整合性の違反が {count} 件あります（例: {example}）</source>
            <translation>{count} referential integrity violations (e.g. {example})</translation>
        </message>
        <message>
            <source>暗号化ページの検証に失敗: {page}</source>
            <translation>Encrypted page check failed: {page}</translation>
        </message>
        <message>
            <source>検査の結果を監査ログに記録できませんでした（データベースの損傷のため）</source>
            <translation>The result of the check could not be written to the audit log (the database is damaged)</translation>
        </message>
        <message>
            <source>現在のデータベースを開けないため、別の事務所のバックアップでは置き換えられません。何も変更していません</source>
            <translation>The current database cannot be opened, so it cannot be replaced with another office's backup. Nothing was changed</translation>
        </message>
        <message>
            <source>監査ログの検証</source>
            <translation>the audit log check</translation>
        </message>
    </context>
    <context>
        <name>Meetings</name>
        <message>
            <source>1回の会議で記録できるケースは{max}件までです</source>
            <translation>At most {max} cases can be recorded for one meeting</translation>
        </message>
        <message>
            <source>{name}（{case}）には終了していない支援エピソードがありません</source>
            <translation>{name} ({case}) has no open support episode</translation>
        </message>
        <message>
            <source>{n}人</source>
            <translation>{n}</translation>
        </message>
        <message>
            <source>{n}件</source>
            <translation>{n}</translation>
        </message>
        <message>
            <source>{person}の次回見直し日: {problem}</source>
            <translation>Next review of {person}: {problem}</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>この会議の記録は、開いた後に他の利用者が更新しています。読み込み直してください</source>
            <translation>Someone else updated this meeting record after you opened it. Reload it</translation>
        </message>
        <message>
            <source>ほかに閲覧できないケースが {n} 件あります（そのまま残ります）</source>
            <translation>{n} more cases you may not view (they are kept as they are)</translation>
        </message>
        <message>
            <source>ほかの組織の会議の記録は扱えません</source>
            <translation>You cannot handle another organisation's meeting records</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>ケース</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>ケースを追加</source>
            <translation>Add case</translation>
        </message>
        <message>
            <source>ナビゲーターを追加</source>
            <translation>Add navigators</translation>
        </message>
        <message>
            <source>ハローワーク</source>
            <translation>Hello Work</translation>
        </message>
        <message>
            <source>ハローワークを追加</source>
            <translation>Add Hello Work</translation>
        </message>
        <message>
            <source>会議の種類</source>
            <translation>Kind of meeting</translation>
        </message>
        <message>
            <source>会議の種類を選んでください</source>
            <translation>Choose the kind of meeting</translation>
        </message>
        <message>
            <source>会議の記録</source>
            <translation>Meeting record</translation>
        </message>
        <message>
            <source>会議の記録が見つかりません</source>
            <translation>The meeting record was not found</translation>
        </message>
        <message>
            <source>会議の記録の訂正</source>
            <translation>Correct a meeting record</translation>
        </message>
        <message>
            <source>会議録</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>会議録を印刷…</source>
            <translation>Print minutes…</translation>
        </message>
        <message>
            <source>例: 6月定例</source>
            <translation>e.g. June regular meeting</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>出席した機関を入力してください</source>
            <translation>Enter the organisations that attended</translation>
        </message>
        <message>
            <source>出席機関</source>
            <translation>Organisations attending</translation>
        </message>
        <message>
            <source>出席機関「{name}」が2回あります</source>
            <translation>The organisation “{name}” is listed twice</translation>
        </message>
        <message>
            <source>出席機関のハローワークの就職支援ナビゲーターを出席者に加えます</source>
            <translation>Adds the job placement navigators of the attending Hello Work offices to the attendees</translation>
        </message>
        <message>
            <source>出席機関の区分が正しくありません</source>
            <translation>Unknown kind of attending organisation</translation>
        </message>
        <message>
            <source>出席者</source>
            <translation>Attendees</translation>
        </message>
        <message>
            <source>出席者「{name}」の所属（{organisation}）が出席機関にありません</source>
            <translation>The organisation of attendee “{name}” ({organisation}) is not among the organisations attending</translation>
        </message>
        <message>
            <source>出席者の役割</source>
            <translation>Attendee's role</translation>
        </message>
        <message>
            <source>出席者の氏名</source>
            <translation>Attendee's name</translation>
        </message>
        <message>
            <source>出席者を入力してください</source>
            <translation>Enter the attendees</translation>
        </message>
        <message>
            <source>出席者を追加</source>
            <translation>Add attendee</translation>
        </message>
        <message>
            <source>出席者・出席機関は{max}まで記録できます</source>
            <translation>At most {max} attendees and organisations can be recorded</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>同じ対象者が2回あります</source>
            <translation>The same client is listed twice</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>場所</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>対象者</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>対象者の検索</source>
            <translation>Search clients</translation>
        </message>
        <message>
            <source>就職支援ナビゲーター</source>
            <translation>Job placement navigator</translation>
        </message>
        <message>
            <source>当機関を追加</source>
            <translation>Add our organisation</translation>
        </message>
        <message>
            <source>役割</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>役割（例: 相談支援員）</source>
            <translation>Role (e.g. consultation support worker)</translation>
        </message>
        <message>
            <source>所属</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>支援調整会議・ケース会議・ハローワーク連絡会議の記録です。検討したケースの決定事項は、それぞれの対象者のケース記録にも残ります。</source>
            <translation>Records of support coordination meetings, case conferences and Hello Work liaison meetings. The decision on each case discussed is also kept in that client's case notes.</translation>
        </message>
        <message>
            <source>新しい会議…</source>
            <translation>New meeting…</translation>
        </message>
        <message>
            <source>日付を確認してください</source>
            <translation>Check the date</translation>
        </message>
        <message>
            <source>未入力</source>
            <translation>Not entered</translation>
        </message>
        <message>
            <source>検索</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>検索結果</source>
            <translation>Search results</translation>
        </message>
        <message>
            <source>検討したケースごとに決定事項を入力してください</source>
            <translation>Enter a decision for each case discussed</translation>
        </message>
        <message>
            <source>検討したケースと決定事項</source>
            <translation>Cases discussed and decisions</translation>
        </message>
        <message>
            <source>機関名</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>次回の見直し日は開催日より後にしてください</source>
            <translation>The next review must be after the meeting date</translation>
        </message>
        <message>
            <source>次回見直し</source>
            <translation>Next review</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>氏名・フリガナ・ケース番号</source>
            <translation>Name, kana or case number</translation>
        </message>
        <message>
            <source>決定事項</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>種類</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>自分を追加</source>
            <translation>Add myself</translation>
        </message>
        <message>
            <source>見つかりません</source>
            <translation>Not found</translation>
        </message>
        <message>
            <source>議事の概要</source>
            <translation>Summary of the discussion</translation>
        </message>
        <message>
            <source>連携 — 会議の記録</source>
            <translation>Network — Meeting records</translation>
        </message>
        <message>
            <source>選択したケースを外す</source>
            <translation>Remove the selected case</translation>
        </message>
        <message>
            <source>選択した出席者を外す</source>
            <translation>Remove the selected attendee</translation>
        </message>
        <message>
            <source>選択した機関を外す</source>
            <translation>Remove the selected organisation</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>開く・訂正…</source>
            <translation>Open / correct…</translation>
        </message>
        <message>
            <source>開催日</source>
            <translation>Held on</translation>
        </message>
        <message>
            <source>開催日に未来の日付は入力できません（会議の後に記録します）</source>
            <translation>The meeting date cannot be in the future (record a meeting after it is held)</translation>
        </message>
        <message>
            <source>関係機関を追加</source>
            <translation>Add agency</translation>
        </message>
        <message>
            <source>関係機関名</source>
            <translation>Agency name</translation>
        </message>
        <message>
            <source>関係機関名（例: つなぎ市社会福祉協議会）</source>
            <translation>Agency name (e.g. Tsunagi City Council of Social Welfare)</translation>
        </message>
    </context>
    <context>
        <name>Models</name>
        <message>
            <source>HW回答待ち</source>
            <translation>Awaiting HW</translation>
        </message>
        <message>
            <source>HW採用連絡</source>
            <translation>HW hire</translation>
        </message>
        <message>
            <source>HW記録なし</source>
            <translation>No HW news</translation>
        </message>
        <message>
            <source>ケース番号</source>
            <translation>Case no.</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>Kana</translation>
        </message>
        <message>
            <source>プラン見直し</source>
            <translation>Plan review</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>定着確認</source>
            <translation>Retention check</translation>
        </message>
        <message>
            <source>対象者区分</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>支援期間終了</source>
            <translation>Support period ends</translation>
        </message>
        <message>
            <source>支援終了予定</source>
            <translation>Planned end</translation>
        </message>
        <message>
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>次の対応</source>
            <translation>Next action</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>State</translation>
        </message>
        <message>
            <source>状態の日付</source>
            <translation>State since</translation>
        </message>
        <message>
            <source>生年月日</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>種別</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>（期限超過）</source>
            <translation> (overdue)</translation>
        </message>
    </context>
    <context>
        <name>Network</name>
        <message>
            <source>1つ100文字以内で入力してください</source>
            <translation>Keep each entry within 100 characters</translation>
        </message>
        <message>
            <source>1行に1つずつ、少なくとも1つ入力してください</source>
            <translation>Enter at least one, one a line</translation>
        </message>
        <message>
            <source>会議の記録…</source>
            <translation>Meeting records…</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>保存しました</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>協力事業所…</source>
            <translation>Cooperating employers…</translation>
        </message>
        <message>
            <source>同じものが2回あります</source>
            <translation>The same entry is listed twice</translation>
        </message>
        <message>
            <source>就労準備度の評価項目を変えると、これからの評価がその項目になります（これまでの評価はそのまま残ります）。財源は支援費用の記録で選ぶ一覧です。</source>
            <translation>New work readiness assessments score the items listed here (earlier assessments are kept as they were). The funding sources are the list offered when a support cost is recorded.</translation>
        </message>
        <message>
            <source>就労準備度の評価項目・支援費用の財源</source>
            <translation>Readiness items and funding sources</translation>
        </message>
        <message>
            <source>就労準備度の評価項目・支援費用の財源…</source>
            <translation>Readiness items and funding sources…</translation>
        </message>
        <message>
            <source>就労準備度の評価項目（1行に1つ）</source>
            <translation>Work readiness items (one a line)</translation>
        </message>
        <message>
            <source>支援費用の支給一覧…</source>
            <translation>List of support costs paid…</translation>
        </message>
        <message>
            <source>支援費用の財源（1行に1つ）</source>
            <translation>Funding sources of support costs (one a line)</translation>
        </message>
        <message>
            <source>評価項目と財源を保存しました。</source>
            <translation>The assessment items and funding sources were saved.</translation>
        </message>
        <message>
            <source>連携(&amp;R)</source>
            <translation>Netwo&amp;rk</translation>
        </message>
    </context>
    <context>
        <name>Offices</name>
        <message>
            <source>「{name}」は支援要請または同意書に記載されているため、名称は変えられません（新しい名称で登録し、こちらは無効にしてください）</source>
            <translation>"{name}" is named in referrals or consents, so its name cannot change (register the new name and disable this one)</translation>
        </message>
        <message>
            <source>このハローワークの情報は、開いた後に他の利用者が更新しています。読み込み直してください</source>
            <translation>Someone else updated this Hello Work office after you opened it. Reload it</translation>
        </message>
        <message>
            <source>なし</source>
            <translation>none</translation>
        </message>
        <message>
            <source>ナビゲーターの氏名は100文字以内です</source>
            <translation>A navigator's name has 100 characters at most</translation>
        </message>
        <message>
            <source>ナビゲーターの氏名を入力してください</source>
            <translation>Enter the navigator's name</translation>
        </message>
        <message>
            <source>ナビゲーターは{n}人まで登録できます</source>
            <translation>Up to {n} navigators can be registered</translation>
        </message>
        <message>
            <source>ハローワーク「{name}」は登録されていません（登録済み: {known}）</source>
            <translation>Hello Work office "{name}" is not registered (registered: {known})</translation>
        </message>
        <message>
            <source>ハローワークが見つかりません</source>
            <translation>The Hello Work office was not found</translation>
        </message>
        <message>
            <source>ハローワークの名称を入力してください</source>
            <translation>Enter the name of the Hello Work office</translation>
        </message>
        <message>
            <source>他の利用者が同時に更新しました。読み込み直してください</source>
            <translation>Someone else updated it at the same time. Reload it</translation>
        </message>
        <message>
            <source>同じ名称のハローワーク「{name}」が既に登録されています</source>
            <translation>A Hello Work office with that name, "{name}", is already registered</translation>
        </message>
        <message>
            <source>種別は本所・出張所か常設窓口を選んでください</source>
            <translation>Choose main/branch office or permanent desk</translation>
        </message>
    </context>
    <context>
        <name>Organisations</name>
        <message>
            <source>「{name}」という組織は既に登録されています</source>
            <translation>An organisation called "{name}" is already registered</translation>
        </message>
        <message>
            <source>「{name}」には{role}の職員がいるため、自立相談支援機関のままにしてください（先に職員の権限を変えてください）</source>
            <translation>“{name}” has staff with the role {role}, so it must stay an independent-living support centre (change those staff members' roles first)</translation>
        </message>
        <message>
            <source>この組織の情報は、開いた後に他の利用者が更新しています。読み込み直してください</source>
            <translation>Someone else updated this organisation after you opened it. Reload it</translation>
        </message>
        <message>
            <source>なし</source>
            <translation>none</translation>
        </message>
        <message>
            <source>他の利用者が同時に更新しました。読み込み直してください</source>
            <translation>Someone else updated it at the same time. Reload it</translation>
        </message>
        <message>
            <source>文書記号は空白なしの16文字以内で入力してください（例: 中福）</source>
            <translation>Enter the document symbol without spaces, 16 characters at most</translation>
        </message>
        <message>
            <source>組織「{name}」は登録されていません（登録済み: {known}）</source>
            <translation>Organisation "{name}" is not registered (registered: {known})</translation>
        </message>
        <message>
            <source>組織が見つかりません</source>
            <translation>The organisation was not found</translation>
        </message>
        <message>
            <source>組織の正式名称を入力してください</source>
            <translation>Enter the organisation's official name</translation>
        </message>
        <message>
            <source>組織の種別は {kinds} のいずれかです</source>
            <translation>The kind of organisation is one of {kinds}</translation>
        </message>
        <message>
            <source>長の職名を入力してください（例: 中区福祉保健センター長）</source>
            <translation>Enter the head's title</translation>
        </message>
    </context>
    <context>
        <name>Outreach</name>
        <message>
            <source>{case_number} に終了していない支援エピソードが2つになるため取り込めません。同じ人としてまとめず別の人として取り込むか、事務所側のエピソードを先に終了してください。何も取り込んでいません</source>
            <translation>Cannot import: {case_number} would have two open support episodes. Import the person as a separate person instead of merging, or close the office's episode first. Nothing was imported</translation>
        </message>
        <message>
            <source>{record} は事務所とノートPCの両方で変更されました</source>
            <translation>{record} was changed both at the office and on the laptop</translation>
        </message>
        <message>
            <source>{record} は事務所の {case_number} と同じ人かもしれません（フリガナと生年月日が同じ）</source>
            <translation>{record} may be the same person as {case_number} at the office (same kana name and date of birth)</translation>
        </message>
        <message>
            <source>{record} は出張中に事務所で削除されました</source>
            <translation>{record} was deleted at the office during the outreach</translation>
        </message>
        <message>
            <source>{what}（{on}）</source>
            <translation>{what} ({on})</translation>
        </message>
        <message>
            <source>このキットはこの事務所のものではありません。何も取り込んでいません</source>
            <translation>This kit does not belong to this office. Nothing was imported</translation>
        </message>
        <message>
            <source>これは返却用のキットです。事務所で取り込んでください</source>
            <translation>This is a return kit. Import it at the office</translation>
        </message>
        <message>
            <source>つなぎの出張用キットではありません。何も変更していません</source>
            <translation>This is not a Tsunagi outreach kit. Nothing was changed</translation>
        </message>
        <message>
            <source>ほかの職員のキットは取り込めません</source>
            <translation>You cannot import another staff member's kit</translation>
        </message>
        <message>
            <source>ほかの職員のケースのキットは作れません</source>
            <translation>You cannot make a kit of another staff member's cases</translation>
        </message>
        <message>
            <source>キットに、このキットの担当ケース以外の記録が含まれています（{table}）。何も取り込んでいません</source>
            <translation>The kit holds records outside the caseload it was made for ({table}). Nothing was imported</translation>
        </message>
        <message>
            <source>キットのパスフレーズは{MIN_PASSPHRASE}文字以上にしてください</source>
            <translation>The kit passphrase must be at least {MIN_PASSPHRASE} characters</translation>
        </message>
        <message>
            <source>キットのファイルが見つかりません: {path}</source>
            <translation>Kit file not found: {path}</translation>
        </message>
        <message>
            <source>キットの内容が壊れています。何も取り込んでいません</source>
            <translation>The kit's contents are damaged. Nothing was imported</translation>
        </message>
        <message>
            <source>キットの内容が壊れています。何も変更していません</source>
            <translation>The kit's content is damaged. Nothing was changed</translation>
        </message>
        <message>
            <source>キットの担当ケース以外の対象者とはまとめられません</source>
            <translation>Cannot merge with a person outside the kit's caseload</translation>
        </message>
        <message>
            <source>キットの担当者が、事務所で作ったときの担当者（{username}）と違います。何も取り込んでいません</source>
            <translation>The kit's caseworker differs from the one it was made for ({username}). Nothing was imported</translation>
        </message>
        <message>
            <source>キットの支援エピソードの経過が正しくありません。何も取り込んでいません</source>
            <translation>The kit's episode history is not valid. Nothing was imported</translation>
        </message>
        <message>
            <source>キットの暗号化の設定が正しくありません。何も変更していません</source>
            <translation>The kit's encryption settings are not valid. Nothing was changed</translation>
        </message>
        <message>
            <source>キットの見出しが壊れています。何も変更していません</source>
            <translation>The kit's header is damaged. Nothing was changed</translation>
        </message>
        <message>
            <source>キットの記録（{record}）に保存できない値があります: {why}。何も取り込んでいません</source>
            <translation>A record of the kit ({record}) holds a value that cannot be stored: {why}. Nothing was imported</translation>
        </message>
        <message>
            <source>キットを書き込めません（{reason}）: {path}</source>
            <translation>Cannot write the kit ({reason}): {path}</translation>
        </message>
        <message>
            <source>キットを読めません（{reason}）</source>
            <translation>Cannot read the kit ({reason})</translation>
        </message>
        <message>
            <source>キットを開けません: パスフレーズが違うか、ファイルが途中で切れているか、内容が書き換えられています。何も変更していません</source>
            <translation>Cannot open the kit: the passphrase is wrong, the file is cut short, or its content was altered. Nothing was changed</translation>
        </message>
        <message>
            <source>ケース共有</source>
            <translation>Case share</translation>
        </message>
        <message>
            <source>ケース記録</source>
            <translation>Case record</translation>
        </message>
        <message>
            <source>ハローワークでの活動</source>
            <translation>Hello Work activities</translation>
        </message>
        <message>
            <source>プランの見直し</source>
            <translation>Plan review</translation>
        </message>
        <message>
            <source>事務所で作ったキットです。取り込めるのはノートPCで作った返却用のキットです</source>
            <translation>This kit was made at the office. Only a return kit made on the laptop can be imported</translation>
        </message>
        <message>
            <source>事務所（削除のまま）かノートPC（戻す）を選んでください</source>
            <translation>Choose the office (keep deleted) or the laptop (restore)</translation>
        </message>
        <message>
            <source>作業用のデータベースが空ではありません。新しいフォルダを指定してください</source>
            <translation>The working database is not empty. Choose a new folder</translation>
        </message>
        <message>
            <source>保護の廃止・減額</source>
            <translation>Protection ended or reduced</translation>
        </message>
        <message>
            <source>出張用のノートPCでは記録できません。事務所に戻ってから記録してください</source>
            <translation>This cannot be recorded on the outreach laptop. Record it back at the office</translation>
        </message>
        <message>
            <source>取り込めるのはノートPCで作った返却用のキットです</source>
            <translation>Only a return kit made on the laptop can be imported</translation>
        </message>
        <message>
            <source>取込中に事務所側で同じ記録が更新されました。もう一度取り込んでください</source>
            <translation>The same record was updated at the office during the import. Import again</translation>
        </message>
        <message>
            <source>各項目について事務所かノートPCかを選んでください</source>
            <translation>Choose the office or the laptop for each field</translation>
        </message>
        <message>
            <source>同じ人か別の人か（merge / new）を選んでください</source>
            <translation>Choose whether it is the same person or another (merge / new)</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>Consent</translation>
        </message>
        <message>
            <source>定着確認</source>
            <translation>Retention check</translation>
        </message>
        <message>
            <source>対象者</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>就労準備度</source>
            <translation>Work readiness</translation>
        </message>
        <message>
            <source>就職</source>
            <translation>Placed</translation>
        </message>
        <message>
            <source>担当・区分の変更</source>
            <translation>Change of caseworker or category</translation>
        </message>
        <message>
            <source>支援エピソード</source>
            <translation>Support episode</translation>
        </message>
        <message>
            <source>支援プラン</source>
            <translation>Support plan</translation>
        </message>
        <message>
            <source>支援メニューの記録</source>
            <translation>Support activities</translation>
        </message>
        <message>
            <source>支援期間の延長</source>
            <translation>Support period extension</translation>
        </message>
        <message>
            <source>支援要請</source>
            <translation>Referral</translation>
        </message>
        <message>
            <source>支援費用</source>
            <translation>Support costs</translation>
        </message>
        <message>
            <source>未解決の競合が {count} 件あります（例: {example}）。すべての競合について、事務所・ノートPCのどちらを残すか選んでください</source>
            <translation>{count} conflicts are unresolved (e.g. {example}). For every conflict, choose whether to keep the office's or the laptop's version</translation>
        </message>
        <message>
            <source>状態の記録</source>
            <translation>State record</translation>
        </message>
        <message>
            <source>経路の変更</source>
            <translation>Route changes</translation>
        </message>
        <message>
            <source>職員「{username}」が見つかりません</source>
            <translation>Staff member "{username}" not found</translation>
        </message>
    </context>
    <context>
        <name>OutreachDialogs</name>
        <message>
            <source>このキットは取込済みです。もう一度取り込んでも何も変わりません。</source>
            <translation>This kit has already been imported. Importing it again changes nothing.</translation>
        </message>
        <message>
            <source>すべての競合で、残す方を選んでください</source>
            <translation>Choose which side to keep for every conflict</translation>
        </message>
        <message>
            <source>キットのパスフレーズ（10文字以上）</source>
            <translation>Kit passphrase (10 characters or more)</translation>
        </message>
        <message>
            <source>ノートPC</source>
            <translation>Laptop</translation>
        </message>
        <message>
            <source>ノートPC: 記録を戻す</source>
            <translation>Laptop: restore the record</translation>
        </message>
        <message>
            <source>ノートPCでキットを開くときと、事務所で取り込むときに必要です。紙に控える場合はキットと別に保管してください。</source>
            <translation>Needed to open the kit on the laptop and to import it at the office. If you write it down, keep it apart from the kit.</translation>
        </message>
        <message>
            <source>パスフレーズが一致しません</source>
            <translation>The passphrases do not match</translation>
        </message>
        <message>
            <source>パスフレーズは10文字以上にしてください</source>
            <translation>The passphrase must be at least 10 characters</translation>
        </message>
        <message>
            <source>パスフレーズ（確認）</source>
            <translation>Passphrase (again)</translation>
        </message>
        <message>
            <source>フリガナ（名）</source>
            <translation>Given name (kana)</translation>
        </message>
        <message>
            <source>フリガナ（氏）</source>
            <translation>Family name (kana)</translation>
        </message>
        <message>
            <source>世帯状況</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>事務所</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>事務所: 削除のままにする</source>
            <translation>Office: keep it deleted</translation>
        </message>
        <message>
            <source>事業所名</source>
            <translation>Employer</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>出張キットの取込</source>
            <translation>Import outreach kit</translation>
        </message>
        <message>
            <source>出張キットの取込 — {name}</source>
            <translation>Import outreach kit — {name}</translation>
        </message>
        <message>
            <source>出張用キット</source>
            <translation>Outreach kit</translation>
        </message>
        <message>
            <source>別の人: 新しく登録する</source>
            <translation>Different person: register as new</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <source>取り込みました: 新しい記録 {i} 件・更新 {u} 件・解決した競合 {c} 件・統合した対象者 {m} 人。ノートPCのキットと作業用データは消去してかまいません。</source>
            <translation>Imported: {i} new records, {u} updates, {c} conflicts resolved, {m} clients merged. The kit and working data on the laptop may now be erased.</translation>
        </message>
        <message>
            <source>取り込む</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>同じ人: 事務所の記録にまとめる</source>
            <translation>Same person: merge into the office's record</translation>
        </message>
        <message>
            <source>名</source>
            <translation>Given name</translation>
        </message>
        <message>
            <source>学歴</source>
            <translation>Education</translation>
        </message>
        <message>
            <source>対象者区分</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>就労阻害要因</source>
            <translation>Barriers to work</translation>
        </message>
        <message>
            <source>希望職種</source>
            <translation>Desired job</translation>
        </message>
        <message>
            <source>担当者</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>担当者を選んでください</source>
            <translation>Choose a caseworker</translation>
        </message>
        <message>
            <source>新しい記録 {i} 件・更新 {u} 件を取り込みます。変更なし {n} 件。競合 {c} 件は、どちらを残すか選んでください。</source>
            <translation>{i} new records and {u} updates will be imported. {n} unchanged. For the {c} conflicts, choose which to keep.</translation>
        </message>
        <message>
            <source>次の対応</source>
            <translation>Next action</translation>
        </message>
        <message>
            <source>次の対応の完了日</source>
            <translation>Next action done on</translation>
        </message>
        <message>
            <source>次の対応の期限</source>
            <translation>Next action due</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>残す方</source>
            <translation>Keep</translation>
        </message>
        <message>
            <source>氏</source>
            <translation>Family name</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>State</translation>
        </message>
        <message>
            <source>状態の日付</source>
            <translation>State since</translation>
        </message>
        <message>
            <source>確認日</source>
            <translation>Check date</translation>
        </message>
        <message>
            <source>終了日</source>
            <translation>Closing date</translation>
        </message>
        <message>
            <source>終了理由</source>
            <translation>Closing reason</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>職歴</source>
            <translation>Work history</translation>
        </message>
        <message>
            <source>資格・免許</source>
            <translation>Qualifications and licences</translation>
        </message>
        <message>
            <source>選んでください</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>離職日</source>
            <translation>Date left</translation>
        </message>
        <message>
            <source>離職理由</source>
            <translation>Reason for leaving</translation>
        </message>
        <message>
            <source>電話（携帯）</source>
            <translation>Phone (mobile)</translation>
        </message>
        <message>
            <source>電話（自宅）</source>
            <translation>Phone (home)</translation>
        </message>
        <message>
            <source>項目</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>（空欄）</source>
            <translation>(blank)</translation>
        </message>
    </context>
    <context>
        <name>Permissions</name>
        <message>
            <source>この対象者のケースを変更する権限がありません（担当または共有されたケースのみ）</source>
            <translation>You have no permission to change this client's case (only your own or shared cases)</translation>
        </message>
        <message>
            <source>この対象者のケースを閲覧する権限がありません（担当または共有されたケースのみ）</source>
            <translation>You have no permission to view this client's case (only your own or shared cases)</translation>
        </message>
        <message>
            <source>この操作は{allowed}のみ行えます（現在: {current}）</source>
            <translation>Only {allowed} can do this (you are: {current})</translation>
        </message>
        <message>
            <source>ほかの組織のケースは変更できません</source>
            <translation>You cannot change another organisation's cases</translation>
        </message>
        <message>
            <source>ほかの組織のケースは閲覧できません</source>
            <translation>You cannot view another organisation's cases</translation>
        </message>
        <message>
            <source>ほかの組織の職員・ケースは扱えません（自分の組織のみ）</source>
            <translation>You cannot act on another organisation's staff or cases (your own organisation only)</translation>
        </message>
        <message>
            <source>閲覧のみの利用者は記録を変更できません</source>
            <translation>View-only users cannot change records</translation>
        </message>
    </context>
    <context>
        <name>PersonView</name>
        <message>
            <source>HW</source>
            <translation>HW</translation>
        </message>
        <message>
            <source>HW受理・支援開始</source>
            <translation>HW accepted, support started</translation>
        </message>
        <message>
            <source>HW受理・支援開始（就労支援プラン）</source>
            <translation>HW accepted, support started (employment support plan)</translation>
        </message>
        <message>
            <source>PDF・画像 (*.pdf *.jpg *.jpeg *.png)</source>
            <translation>PDF and images (*.pdf *.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>{action}: {reason}</source>
            <translation>{action}: {reason}</translation>
        </message>
        <message>
            <source>{amount:,}円/時</source>
            <translation>¥{amount:,}/hour</translation>
        </message>
        <message>
            <source>{amount:,}円/月</source>
            <translation>¥{amount:,}/month</translation>
        </message>
        <message>
            <source>{company} の採用を就職として記録しないことにします。よろしいですか。</source>
            <translation>The hire at {company} will not be recorded as a placement. Continue?</translation>
        </message>
        <message>
            <source>{employer} の就職について離職を記録し、支援中に戻します。</source>
            <translation>Records that the placement at {employer} ended and returns the case to in support.</translation>
        </message>
        <message>
            <source>{months}か月</source>
            <translation>{months}-month</translation>
        </message>
        <message>
            <source>{months}か月・{due}</source>
            <translation>{months} months, {due}</translation>
        </message>
        <message>
            <source>{on} の「{kind}」の記録を削除します。よろしいですか。</source>
            <translation>Remove the record "{kind}" of {on}?</translation>
        </message>
        <message>
            <source>{on} 受付 — {state}</source>
            <translation>{on} intake — {state}</translation>
        </message>
        <message>
            <source>{result}（就職として記録済み）</source>
            <translation>{result} (recorded as placement)</translation>
        </message>
        <message>
            <source>{result}（就職の記録待ち）</source>
            <translation>{result} (placement to record)</translation>
        </message>
        <message>
            <source>{result}（記録しない）</source>
            <translation>{result} (set aside)</translation>
        </message>
        <message>
            <source>　{since}から</source>
            <translation> since {since}</translation>
        </message>
        <message>
            <source>　支援期間 {start}〜{end}</source>
            <translation> · Support period {start} – {end}</translation>
        </message>
        <message>
            <source>　終了理由: {reason}</source>
            <translation> · Closing reason: {reason}</translation>
        </message>
        <message>
            <source>〜{end}</source>
            <translation> to {end}</translation>
        </message>
        <message>
            <source>その他の提供先（読点区切り）</source>
            <translation>Other recipients (separated by commas)</translation>
        </message>
        <message>
            <source>なし</source>
            <translation>None</translation>
        </message>
        <message>
            <source>ケース番号</source>
            <translation>Case no.</translation>
        </message>
        <message>
            <source>ケース番号 {case_number}　{birth}生（{age}歳）　{category}　担当: {staff}</source>
            <translation>Case no. {case_number} · born {birth} (age {age}) · {category} · Caseworker: {staff}</translation>
        </message>
        <message>
            <source>ケース記録</source>
            <translation>Case record</translation>
        </message>
        <message>
            <source>セミナー・訓練の名称</source>
            <translation>Name of the seminar or training</translation>
        </message>
        <message>
            <source>チーム: {team}</source>
            <translation>Team: {team}</translation>
        </message>
        <message>
            <source>チーム（ハローワーク側）</source>
            <translation>Team (Hello Work side)</translation>
        </message>
        <message>
            <source>チーム（福祉側）</source>
            <translation>Team (welfare side)</translation>
        </message>
        <message>
            <source>ハローワーク</source>
            <translation>Hello Work</translation>
        </message>
        <message>
            <source>ハローワークから採用の連絡があります: {on} {company}{job}　→「選択した採用を就職として記録」で確かめてください</source>
            <translation>Hello Work reported a hire: {on} {company}{job} — confirm it with "Record the selected hire as the placement"</translation>
        </message>
        <message>
            <source>ハローワークから聞いた支援の状況を1件ずつ記録します。採用は就職の記録を待つ提案になります。</source>
            <translation>Record each step of Hello Work's support as you hear of it. A hire becomes a proposal waiting to be recorded as the placement.</translation>
        </message>
        <message>
            <source>ハローワークから連絡のあった採用（{company}）を就職として記録します。就職日と雇用条件を確かめてください。</source>
            <translation>Records the hire Hello Work reported ({company}) as the placement. Check the start date and the terms.</translation>
        </message>
        <message>
            <source>ハローワークの役割: {role}</source>
            <translation>Hello Work's role: {role}</translation>
        </message>
        <message>
            <source>ハローワークの支援を記録</source>
            <translation>Record Hello Work's support</translation>
        </message>
        <message>
            <source>ハローワークの支援を記録…</source>
            <translation>Record Hello Work's support…</translation>
        </message>
        <message>
            <source>ハローワークの求職番号</source>
            <translation>Hello Work's job seeker number</translation>
        </message>
        <message>
            <source>ハローワークへの支援要請はまだありません</source>
            <translation>No referral to Hello Work yet</translation>
        </message>
        <message>
            <source>ハローワークへの支援要請（回答待ちまたは受理）があるときに記録できます</source>
            <translation>Can be recorded while there is a referral to Hello Work (awaiting an answer or accepted)</translation>
        </message>
        <message>
            <source>ハローワークへ支援要請</source>
            <translation>Refer to Hello Work</translation>
        </message>
        <message>
            <source>フリガナ（名）</source>
            <translation>Given name (kana)</translation>
        </message>
        <message>
            <source>フリガナ（氏）</source>
            <translation>Family name (kana)</translation>
        </message>
        <message>
            <source>プランの作成日</source>
            <translation>Plan date</translation>
        </message>
        <message>
            <source>プランの見直し</source>
            <translation>Plan review</translation>
        </message>
        <message>
            <source>プランを改訂</source>
            <translation>Revise plan</translation>
        </message>
        <message>
            <source>メモ</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>世帯状況</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>予定</source>
            <translation>Scheduled</translation>
        </message>
        <message>
            <source>予定として残す（今日の予定に表示し、後で記録する）</source>
            <translation>Keep them scheduled (shown on Today, recorded later)</translation>
        </message>
        <message>
            <source>予定日</source>
            <translation>Due date</translation>
        </message>
        <message>
            <source>事業所</source>
            <translation>Employer</translation>
        </message>
        <message>
            <source>事業所の所在地</source>
            <translation>Employer's address</translation>
        </message>
        <message>
            <source>事業所・名称</source>
            <translation>Employer / name</translation>
        </message>
        <message>
            <source>事業所名</source>
            <translation>Employer</translation>
        </message>
        <message>
            <source>事業所名（職業紹介・応募・面接・採否）</source>
            <translation>Employer (job referral, application, interview, outcome)</translation>
        </message>
        <message>
            <source>他の利用者の変更と合わせて保存しました</source>
            <translation>Saved, merged with the other user's changes</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>保存 (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>保存しました</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>保護の変更を記録</source>
            <translation>Record protection change</translation>
        </message>
        <message>
            <source>保護の変更（就労収入による）</source>
            <translation>Change in protection (due to income from work)</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>入力</source>
            <translation>Entered</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>出席者（HW）※ケース会議</source>
            <translation>Attendees (HW) *case conference</translation>
        </message>
        <message>
            <source>出席者（福祉）※ケース会議</source>
            <translation>Attendees (welfare) *case conference</translation>
        </message>
        <message>
            <source>削除する原本</source>
            <translation>Original to remove</translation>
        </message>
        <message>
            <source>協力事業所から選ぶ</source>
            <translation>Cooperating employer</translation>
        </message>
        <message>
            <source>印刷</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>印刷できません</source>
            <translation>Cannot print</translation>
        </message>
        <message>
            <source>原本</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>原本を削除</source>
            <translation>Remove the original</translation>
        </message>
        <message>
            <source>原本を削除…</source>
            <translation>Remove original…</translation>
        </message>
        <message>
            <source>原本を削除できません</source>
            <translation>Cannot remove the original</translation>
        </message>
        <message>
            <source>原本を表示</source>
            <translation>View original</translation>
        </message>
        <message>
            <source>原本を表示できません</source>
            <translation>Cannot show the original</translation>
        </message>
        <message>
            <source>参加同意と情報提供同意の両方が有効であることを確認して、状態を「同意取得」にします。</source>
            <translation>Checks that both consent to participate and consent to share information are valid, and sets the state to Consented.</translation>
        </message>
        <message>
            <source>参加同意の撤回</source>
            <translation>Withdraw participation consent</translation>
        </message>
        <message>
            <source>取下げ</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <source>受付</source>
            <translation>Intake</translation>
        </message>
        <message>
            <source>受付日</source>
            <translation>Intake date</translation>
        </message>
        <message>
            <source>受付日を入力してください</source>
            <translation>Enter the intake date</translation>
        </message>
        <message>
            <source>受理</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <source>受理・面談日（支援開始日）</source>
            <translation>Accepted / interview date (support start)</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>Consent</translation>
        </message>
        <message>
            <source>同意の撤回</source>
            <translation>Withdraw consent</translation>
        </message>
        <message>
            <source>同意を記録</source>
            <translation>Record consent</translation>
        </message>
        <message>
            <source>同意取得を確定</source>
            <translation>Confirm consent</translation>
        </message>
        <message>
            <source>同意撤回届（白紙）</source>
            <translation>Consent withdrawal form (blank)</translation>
        </message>
        <message>
            <source>同意書</source>
            <translation>Consent form</translation>
        </message>
        <message>
            <source>同意書（白紙・署名用）</source>
            <translation>Consent form (blank, for signature)</translation>
        </message>
        <message>
            <source>同意範囲の確認</source>
            <translation>Confirm the consent's scope</translation>
        </message>
        <message>
            <source>名</source>
            <translation>Given name</translation>
        </message>
        <message>
            <source>回答待ち</source>
            <translation>Awaiting answer</translation>
        </message>
        <message>
            <source>地域</source>
            <translation>Area</translation>
        </message>
        <message>
            <source>基本情報</source>
            <translation>Profile</translation>
        </message>
        <message>
            <source>変更</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>学歴</source>
            <translation>Education</translation>
        </message>
        <message>
            <source>定着確認</source>
            <translation>Retention check</translation>
        </message>
        <message>
            <source>定着確認が {n} 件残っています（{which}）。</source>
            <translation>{n} retention checks are still open ({which}).</translation>
        </message>
        <message>
            <source>定着確認の結果</source>
            <translation>Retention check result</translation>
        </message>
        <message>
            <source>実施日</source>
            <translation>Date done</translation>
        </message>
        <message>
            <source>実施日を入力してください</source>
            <translation>Enter the date done</translation>
        </message>
        <message>
            <source>対象者の記録</source>
            <translation>Person's record</translation>
        </message>
        <message>
            <source>対象者区分</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>就労支援プラン</source>
            <translation>Employment support plan</translation>
        </message>
        <message>
            <source>就労支援プラン 第{revision}版</source>
            <translation>Employment support plan, revision {revision}</translation>
        </message>
        <message>
            <source>就労準備・経路</source>
            <translation>Readiness &amp; routes</translation>
        </message>
        <message>
            <source>就労自立給付金を申請した</source>
            <translation>Applied for the employment independence benefit</translation>
        </message>
        <message>
            <source>就労阻害要因</source>
            <translation>Barriers to work</translation>
        </message>
        <message>
            <source>就職</source>
            <translation>Placements</translation>
        </message>
        <message>
            <source>就職は「支援中」のときに記録できます</source>
            <translation>A placement can be recorded while the case is In support</translation>
        </message>
        <message>
            <source>就職を記録</source>
            <translation>Record placement</translation>
        </message>
        <message>
            <source>就職を記録すると定着支援に移り、定着確認の予定が作られます。</source>
            <translation>Recording a placement moves the case to retention support and schedules the retention checks.</translation>
        </message>
        <message>
            <source>就職・定着</source>
            <translation>Placement and retention</translation>
        </message>
        <message>
            <source>就職日</source>
            <translation>Placement date</translation>
        </message>
        <message>
            <source>就職日を入力してください</source>
            <translation>Enter the placement date</translation>
        </message>
        <message>
            <source>就職経路</source>
            <translation>Placement route</translation>
        </message>
        <message>
            <source>差戻し</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>差戻しの理由</source>
            <translation>Reason for return</translation>
        </message>
        <message>
            <source>差戻しを記録</source>
            <translation>Record return</translation>
        </message>
        <message>
            <source>差戻し日</source>
            <translation>Return date</translation>
        </message>
        <message>
            <source>希望の時間帯</source>
            <translation>Desired hours</translation>
        </message>
        <message>
            <source>希望地域</source>
            <translation>Desired area</translation>
        </message>
        <message>
            <source>希望職種</source>
            <translation>Desired job</translation>
        </message>
        <message>
            <source>希望賃金</source>
            <translation>Desired wage</translation>
        </message>
        <message>
            <source>延長の理由</source>
            <translation>Reason for extension</translation>
        </message>
        <message>
            <source>延長後の終了予定日</source>
            <translation>New planned end date</translation>
        </message>
        <message>
            <source>役割分担（ハローワーク）</source>
            <translation>Roles (Hello Work)</translation>
        </message>
        <message>
            <source>役割分担（福祉事務所）</source>
            <translation>Roles (welfare office)</translation>
        </message>
        <message>
            <source>性別</source>
            <translation>Sex</translation>
        </message>
        <message>
            <source>所内協議の結果</source>
            <translation>Result of the case conference</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>担当ナビゲーター</source>
            <translation>Navigator</translation>
        </message>
        <message>
            <source>採否</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>採用の連絡</source>
            <translation>Reported hire</translation>
        </message>
        <message>
            <source>提供先</source>
            <translation>Recipients</translation>
        </message>
        <message>
            <source>提供先: {name}</source>
            <translation>Recipient: {name}</translation>
        </message>
        <message>
            <source>撤回日</source>
            <translation>Withdrawal date</translation>
        </message>
        <message>
            <source>撤回日を入力してください</source>
            <translation>Enter the withdrawal date</translation>
        </message>
        <message>
            <source>撤回日以降、この同意にもとづく支援要請と情報提供はできなくなります。</source>
            <translation>From the withdrawal date, no referral or information sharing can rest on this consent.</translation>
        </message>
        <message>
            <source>撤回日以降、この支援エピソードの情報は提供できなくなります。ハローワークには「支援終了・同意撤回の連絡」を印刷して送ります（印刷 → 支援終了・同意撤回の連絡）。</source>
            <translation>From the withdrawal date nothing of this episode can be shared. Send Hello Work the notice of the end of support (Print → Notice of end of support).</translation>
        </message>
        <message>
            <source>支援の終了とともに中止する</source>
            <translation>Cancel them with the closure</translation>
        </message>
        <message>
            <source>支援を終了</source>
            <translation>Close support</translation>
        </message>
        <message>
            <source>支援を終了する（終了理由: 同意撤回）</source>
            <translation>End the support (reason: consent withdrawn)</translation>
        </message>
        <message>
            <source>支援エピソード</source>
            <translation>Support episode</translation>
        </message>
        <message>
            <source>支援エピソードはまだありません</source>
            <translation>No support episode yet</translation>
        </message>
        <message>
            <source>支援プランの改訂</source>
            <translation>Revise the support plan</translation>
        </message>
        <message>
            <source>支援プランはまだありません</source>
            <translation>No support plan yet</translation>
        </message>
        <message>
            <source>支援プラン・支援要請</source>
            <translation>Support plan and referrals</translation>
        </message>
        <message>
            <source>支援メニュー: {menu}</source>
            <translation>Support menu: {menu}</translation>
        </message>
        <message>
            <source>支援期間を延長</source>
            <translation>Extend support period</translation>
        </message>
        <message>
            <source>支援状況連絡票（就職・定着）</source>
            <translation>Support status report (placement and retention)</translation>
        </message>
        <message>
            <source>支援終了・同意撤回の連絡</source>
            <translation>Notice of end of support (consent withdrawn)</translation>
        </message>
        <message>
            <source>支援経過</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>支援要請 {number}　{office}　{status}</source>
            <translation>Referral {number}, {office}, {status}</translation>
        </message>
        <message>
            <source>支援要請 {number}　{on}　{office}　{status}</source>
            <translation>Referral {number} · {on} · {office} · {status}</translation>
        </message>
        <message>
            <source>支援要請先</source>
            <translation>Refer to</translation>
        </message>
        <message>
            <source>支援要請書</source>
            <translation>Referral form</translation>
        </message>
        <message>
            <source>支援要請書の支援経過に就労準備度を記載する</source>
            <translation>Quote the work readiness assessment in the referral form's progress</translation>
        </message>
        <message>
            <source>支援要請書類一式（送付書つき）</source>
            <translation>Referral packet (with cover letter)</translation>
        </message>
        <message>
            <source>支援費用</source>
            <translation>Support costs</translation>
        </message>
        <message>
            <source>支援開始日を入力してください</source>
            <translation>Enter the support start date</translation>
        </message>
        <message>
            <source>改訂すると新しい版として保存され、前の版もそのまま残ります。</source>
            <translation>A revision is saved as a new version; the previous version is kept as it is.</translation>
        </message>
        <message>
            <source>数字で入力してください</source>
            <translation>Enter a number</translation>
        </message>
        <message>
            <source>文書番号（空欄で自動採番）</source>
            <translation>Document no. (blank: numbered automatically)</translation>
        </message>
        <message>
            <source>文言</source>
            <translation>Wording</translation>
        </message>
        <message>
            <source>新しい支援エピソード</source>
            <translation>New support episode</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>日付を入力してください</source>
            <translation>Enter the date</translation>
        </message>
        <message>
            <source>日付（セミナー・訓練は初日）</source>
            <translation>Date (first day of a seminar or training)</translation>
        </message>
        <message>
            <source>時給</source>
            <translation>Hourly</translation>
        </message>
        <message>
            <source>時間</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>最終日（セミナー・訓練）</source>
            <translation>Last day (seminar or training)</translation>
        </message>
        <message>
            <source>月給</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source>有効期限</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>有効期限（任意）</source>
            <translation>Valid until (optional)</translation>
        </message>
        <message>
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>期限超過（未確認）</source>
            <translation>Overdue (not checked)</translation>
        </message>
        <message>
            <source>未保存の変更があります</source>
            <translation>There are unsaved changes</translation>
        </message>
        <message>
            <source>未保存の変更があります（他の利用者が先に保存しています）</source>
            <translation>There are unsaved changes (another user saved first)</translation>
        </message>
        <message>
            <source>未回答</source>
            <translation>Not answered</translation>
        </message>
        <message>
            <source>未発行</source>
            <translation>not issued</translation>
        </message>
        <message>
            <source>未確認（原本で確認してください）</source>
            <translation>unconfirmed (check the signed original)</translation>
        </message>
        <message>
            <source>検討を開始</source>
            <translation>Start screening</translation>
        </message>
        <message>
            <source>検討票の作成日</source>
            <translation>Date of the screening sheet</translation>
        </message>
        <message>
            <source>検討結果を記録</source>
            <translation>Record screening result</translation>
        </message>
        <message>
            <source>次の対応</source>
            <translation>Next action</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>次回見直し日</source>
            <translation>Next review date</translation>
        </message>
        <message>
            <source>残っている定着確認</source>
            <translation>Open retention checks</translation>
        </message>
        <message>
            <source>残っている定着確認の扱いを選んでください</source>
            <translation>Choose what to do with the open retention checks</translation>
        </message>
        <message>
            <source>氏</source>
            <translation>Family name</translation>
        </message>
        <message>
            <source>求職番号</source>
            <translation>Job seeker number</translation>
        </message>
        <message>
            <source>決定事項 ※ケース会議</source>
            <translation>Decisions *case conference</translation>
        </message>
        <message>
            <source>決定日</source>
            <translation>Decision date</translation>
        </message>
        <message>
            <source>決定日を入力してください</source>
            <translation>Enter the decision date</translation>
        </message>
        <message>
            <source>添付された原本「{file}」を削除しますか？
削除すると元に戻せません。ほかに原本がなければ、支援要請書類一式の同意書は「控（署名欄は原本参照）」で印刷されます。</source>
            <translation>Remove the attached original “{file}”?
This cannot be undone. If no other original is attached, the referral packet prints the consent as the office copy (“signature: see the original”).</translation>
        </message>
        <message>
            <source>添付できません</source>
            <translation>Cannot attach</translation>
        </message>
        <message>
            <source>理由・メモ</source>
            <translation>Reason / note</translation>
        </message>
        <message>
            <source>生年月日</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>目標: {goal}</source>
            <translation>Goal: {goal}</translation>
        </message>
        <message>
            <source>目標時期</source>
            <translation>Target date</translation>
        </message>
        <message>
            <source>目標職種</source>
            <translation>Target job</translation>
        </message>
        <message>
            <source>確定日</source>
            <translation>Date confirmed</translation>
        </message>
        <message>
            <source>確認日</source>
            <translation>Check date</translation>
        </message>
        <message>
            <source>確認日を入力してください</source>
            <translation>Enter the check date</translation>
        </message>
        <message>
            <source>福祉</source>
            <translation>Welfare</translation>
        </message>
        <message>
            <source>福祉事務所の役割: {role}</source>
            <translation>Welfare office's role: {role}</translation>
        </message>
        <message>
            <source>種別</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>種類</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>範囲</source>
            <translation>Scope</translation>
        </message>
        <message>
            <source>範囲を原本で確認…</source>
            <translation>Confirm scope from the original…</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Close case</translation>
        </message>
        <message>
            <source>終了予定日を入力してください</source>
            <translation>Enter the planned end date</translation>
        </message>
        <message>
            <source>終了日</source>
            <translation>Closing date</translation>
        </message>
        <message>
            <source>終了日を入力してください</source>
            <translation>Enter the closing date</translation>
        </message>
        <message>
            <source>終了理由</source>
            <translation>Closing reason</translation>
        </message>
        <message>
            <source>経路</source>
            <translation>Route</translation>
        </message>
        <message>
            <source>経過（すべての状態の変更）</source>
            <translation>Progress (every change of state)</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>署名された同意書の内容を記録します。文言は現在の版が保存されます。</source>
            <translation>Records the content of the signed consent form. The current version of the wording is saved.</translation>
        </message>
        <message>
            <source>署名された同意書を見て、印の付いている項目を選んでください。</source>
            <translation>Look at the signed consent form and choose the items ticked on it.</translation>
        </message>
        <message>
            <source>署名日</source>
            <translation>Date signed</translation>
        </message>
        <message>
            <source>署名日を入力してください</source>
            <translation>Enter the signing date</translation>
        </message>
        <message>
            <source>署名済みの原本</source>
            <translation>Signed original</translation>
        </message>
        <message>
            <source>署名済みの同意書を添付…</source>
            <translation>Attach the signed consent form…</translation>
        </message>
        <message>
            <source>署名済みの同意書（PDF・JPEG・PNG）</source>
            <translation>Signed consent form (PDF, JPEG, PNG)</translation>
        </message>
        <message>
            <source>職歴</source>
            <translation>Work history</translation>
        </message>
        <message>
            <source>職種</source>
            <translation>Job title</translation>
        </message>
        <message>
            <source>表示</source>
            <translation>View</translation>
        </message>
        <message>
            <source>表示する原本</source>
            <translation>Original to view</translation>
        </message>
        <message>
            <source>要請日</source>
            <translation>Referral date</translation>
        </message>
        <message>
            <source>要請日を入力してください</source>
            <translation>Enter the referral date</translation>
        </message>
        <message>
            <source>見直し {due}</source>
            <translation>Review {due}</translation>
        </message>
        <message>
            <source>見直しの結果</source>
            <translation>Review result</translation>
        </message>
        <message>
            <source>見直しの結果を記録</source>
            <translation>Record review result</translation>
        </message>
        <message>
            <source>見直し予定</source>
            <translation>Scheduled review</translation>
        </message>
        <message>
            <source>記録の削除</source>
            <translation>Remove the record</translation>
        </message>
        <message>
            <source>記録を追加</source>
            <translation>Add record</translation>
        </message>
        <message>
            <source>記録元</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>賃金</source>
            <translation>Wage</translation>
        </message>
        <message>
            <source>賃金の単位</source>
            <translation>Wage unit</translation>
        </message>
        <message>
            <source>賃金（円）</source>
            <translation>Wage (yen)</translation>
        </message>
        <message>
            <source>資格・免許</source>
            <translation>Qualifications and licences</translation>
        </message>
        <message>
            <source>連絡票</source>
            <translation>Status sheet</translation>
        </message>
        <message>
            <source>週の労働時間</source>
            <translation>Weekly working hours</translation>
        </message>
        <message>
            <source>選んでください</source>
            <translation>Choose</translation>
        </message>
        <message>
            <source>選択した同意の撤回を記録</source>
            <translation>Record withdrawal of the selected consent</translation>
        </message>
        <message>
            <source>選択した同意の署名済み原本:</source>
            <translation>Signed original of the selected consent:</translation>
        </message>
        <message>
            <source>選択した定着確認の結果を記録</source>
            <translation>Record the result of the selected retention check</translation>
        </message>
        <message>
            <source>選択した採用を就職として記録…</source>
            <translation>Record the selected hire as the placement…</translation>
        </message>
        <message>
            <source>選択した採用を就職として記録しない</source>
            <translation>Do not record the selected hire</translation>
        </message>
        <message>
            <source>選択した記録を削除</source>
            <translation>Remove the selected record</translation>
        </message>
        <message>
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>阻害要因: {barriers}</source>
            <translation>Barriers: {barriers}</translation>
        </message>
        <message>
            <source>阻害要因と対応</source>
            <translation>Barriers and responses</translation>
        </message>
        <message>
            <source>雇用保険に加入</source>
            <translation>Covered by employment insurance</translation>
        </message>
        <message>
            <source>雇用形態</source>
            <translation>Employment type</translation>
        </message>
        <message>
            <source>雇用期間</source>
            <translation>Employment term</translation>
        </message>
        <message>
            <source>離職を記録</source>
            <translation>Record leaving</translation>
        </message>
        <message>
            <source>離職日</source>
            <translation>Date left</translation>
        </message>
        <message>
            <source>離職日を入力してください</source>
            <translation>Enter the date left</translation>
        </message>
        <message>
            <source>離職理由</source>
            <translation>Reason for leaving</translation>
        </message>
        <message>
            <source>電話（携帯）</source>
            <translation>Phone (mobile)</translation>
        </message>
        <message>
            <source>電話（自宅）</source>
            <translation>Phone (home)</translation>
        </message>
        <message>
            <source>（{job}）</source>
            <translation> ({job})</translation>
        </message>
        <message>
            <source>（採否のときに選ぶ）</source>
            <translation>(for an outcome)</translation>
        </message>
        <message>
            <source>（未発行）</source>
            <translation>(not issued)</translation>
        </message>
        <message>
            <source>（登録外の事業所: 下に入力）</source>
            <translation>(Not registered: type it below)</translation>
        </message>
        <message>
            <source>（空欄）</source>
            <translation>(blank)</translation>
        </message>
    </context>
    <context>
        <name>Persons</name>
        <message>
            <source>{label}を入力してください</source>
            <translation>Enter the {label}</translation>
        </message>
        <message>
            <source>「{name}」は無効になっている職員のため、担当にできません</source>
            <translation>"{name}" is a disabled staff member and cannot be put in charge</translation>
        </message>
        <message>
            <source>このケースはその職員と共有されていません</source>
            <translation>This case is not shared with that staff member</translation>
        </message>
        <message>
            <source>この対象者の情報は、開いた後に他の利用者が更新しています。最新の内容を読み込み直してください</source>
            <translation>Another user updated this client after you opened it. Reload the latest content</translation>
        </message>
        <message>
            <source>ほかの組織の職員とはケースを共有できません（組織をまたぐ共有・移管は管理者が行います）</source>
            <translation>A case cannot be shared with staff of another organisation (an administrator shares or transfers across organisations)</translation>
        </message>
        <message>
            <source>ケース番号</source>
            <translation>Case no.</translation>
        </message>
        <message>
            <source>ケース番号「{case_number}」の対象者は登録されていません</source>
            <translation>No client with case number "{case_number}" is registered</translation>
        </message>
        <message>
            <source>ケース番号「{case_number}」は既に使われています</source>
            <translation>Case no. "{case_number}" is already in use</translation>
        </message>
        <message>
            <source>他の利用者が同時に更新しました。読み込み直してください</source>
            <translation>Another user updated it at the same time. Reload it</translation>
        </message>
        <message>
            <source>他の担当者のケースとして登録することはできません</source>
            <translation>You cannot register it as another caseworker's case</translation>
        </message>
        <message>
            <source>名</source>
            <translation>Given name</translation>
        </message>
        <message>
            <source>対象者が見つかりません（削除されたか、IDが違います）</source>
            <translation>Client not found (deleted, or the ID is wrong)</translation>
        </message>
        <message>
            <source>対象者区分を選んでください</source>
            <translation>Choose a category</translation>
        </message>
        <message>
            <source>性別の値が正しくありません</source>
            <translation>The value for sex is not valid</translation>
        </message>
        <message>
            <source>担当者に指定できる職員ではありません（閲覧のみの利用者は担当になれません）</source>
            <translation>This staff member cannot be put in charge of a case (view-only users cannot)</translation>
        </message>
        <message>
            <source>既に「{name}」の担当です</source>
            <translation>The case is already {name}'s</translation>
        </message>
        <message>
            <source>氏</source>
            <translation>Family name</translation>
        </message>
        <message>
            <source>生年月日が未来の日付になっています</source>
            <translation>The date of birth is in the future</translation>
        </message>
        <message>
            <source>生年月日を入力してください</source>
            <translation>Enter the date of birth</translation>
        </message>
        <message>
            <source>移す元の職員が見つかりません</source>
            <translation>The staff member to move from was not found</translation>
        </message>
        <message>
            <source>移す先に、移す元と同じ職員は選べません</source>
            <translation>Choose a different staff member to move to</translation>
        </message>
        <message>
            <source>組織が登録されていません（管理 → 組織 で登録してください）</source>
            <translation>No organisation is registered (register one under Administration → Organisations)</translation>
        </message>
        <message>
            <source>（担当外の対象者）</source>
            <translation>(a client outside your caseload)</translation>
        </message>
    </context>
    <context>
        <name>Preview</name>
        <message>
            <source>PDFを保存</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <source>PDFを保存…</source>
            <translation>Save PDF…</translation>
        </message>
        <message>
            <source>{n} ページ　SHA-256 {h}…</source>
            <translation>{n} pages · SHA-256 {h}…</translation>
        </message>
        <message>
            <source>保存先のフォルダ</source>
            <translation>Folder to save to</translation>
        </message>
        <message>
            <source>印刷…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>印刷プレビュー — {title}</source>
            <translation>Print preview — {title}</translation>
        </message>
        <message>
            <source>同意撤回届</source>
            <translation>Consent withdrawal form</translation>
        </message>
        <message>
            <source>同意書</source>
            <translation>Consent form</translation>
        </message>
        <message>
            <source>就労支援プラン</source>
            <translation>Employment support plan</translation>
        </message>
        <message>
            <source>支援状況連絡票</source>
            <translation>Support status report</translation>
        </message>
        <message>
            <source>支援終了・同意撤回の連絡</source>
            <translation>Notice of end of support (consent withdrawn)</translation>
        </message>
        <message>
            <source>支援要請書</source>
            <translation>Referral form</translation>
        </message>
        <message>
            <source>支援要請書類一式</source>
            <translation>Referral packet</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>{field}: {why}</source>
            <translation>{field}: {why}</translation>
        </message>
        <message>
            <source>{number} を発行しましたが、{path} に書き込めませんでした（{reason}）。ここまでに {count} 件を書き込みました。番号は発行簿に記録されています</source>
            <translation>{number} was issued, but {path} could not be written ({reason}). {count} packets were written before it. The number is recorded in the register</translation>
        </message>
        <message>
            <source>{path} に書き込めません（{reason}）</source>
            <translation>Cannot write {path} ({reason})</translation>
        </message>
        <message>
            <source>この支援エピソードには就労支援プランがありません</source>
            <translation>This support episode has no employment support plan</translation>
        </message>
        <message>
            <source>この支援エピソードには支援要請がないため、プランを共有するハローワークがありません</source>
            <translation>This episode has no referral, so there is no Hello Work office to share the plan with</translation>
        </message>
        <message>
            <source>この支援エピソードには支援要請がないため、連絡先のハローワークがありません</source>
            <translation>This episode has no referral, so there is no Hello Work office to write to</translation>
        </message>
        <message>
            <source>この支援エピソードには有効な支援要請がありません（差戻し・取下げを除く）</source>
            <translation>This support episode has no valid referral (other than returned or withdrawn ones)</translation>
        </message>
        <message>
            <source>ほかのパソコンで同時に文書が発行されているため、発行できませんでした。もう一度発行してください</source>
            <translation>Other PCs were issuing documents at the same moment, so this one could not be issued. Issue it again</translation>
        </message>
        <message>
            <source>ハローワークへ支援要請していないため、連絡する先がありません</source>
            <translation>No referral was made to Hello Work, so there is no one to notify</translation>
        </message>
        <message>
            <source>出張用のパソコンでは文書番号を取れないため、発行できません。事務所のパソコンで発行してください</source>
            <translation>An outreach laptop cannot take document numbers, so it cannot issue this. Issue it on an office PC</translation>
        </message>
        <message>
            <source>印刷できません。{reason}</source>
            <translation>Cannot print. {reason}</translation>
        </message>
        <message>
            <source>印刷できる書類は {kinds} です</source>
            <translation>The documents that can be printed are {kinds}</translation>
        </message>
        <message>
            <source>参加同意が{day}に撤回されているため印刷できません。撤回日以降に印刷できるのは支援終了・同意撤回の連絡だけです</source>
            <translation>Cannot print: the participation consent was withdrawn on {day}. After that day only the notice of the end of support can be printed</translation>
        </message>
        <message>
            <source>参加同意が撤回されていないため、支援終了・同意撤回の連絡は印刷できません</source>
            <translation>The participation consent has not been withdrawn, so the notice of the end of support cannot be printed</translation>
        </message>
        <message>
            <source>希望する支援が正しくありません: {items}</source>
            <translation>Unknown requested support: {items}</translation>
        </message>
        <message>
            <source>支援エピソードを指定してください</source>
            <translation>Specify the support episode</translation>
        </message>
        <message>
            <source>支援期間の終わりが始まりより前になっています</source>
            <translation>The support period ends before it starts</translation>
        </message>
        <message>
            <source>支援経過</source>
            <translation>Support so far</translation>
        </message>
        <message>
            <source>有効な情報提供同意がないため印刷できません（未取得・期限切れ・撤回済み）</source>
            <translation>Cannot print: there is no valid consent to share information (not obtained, expired or withdrawn)</translation>
        </message>
        <message>
            <source>特記事項</source>
            <translation>Remarks</translation>
        </message>
        <message>
            <source>発行した後で情報提供同意の範囲が狭くなったため（{items}）、発行済みの支援要請書は印刷できません。支援経過に引用した就労準備度の評価に、範囲外になった項目があります</source>
            <translation>The information-sharing consent was narrowed after this referral was issued ({items}), so the issued referral cannot be printed: the readiness assessment quoted in its support history has items now outside the scope</translation>
        </message>
        <message>
            <source>発行する書類は {kinds} です</source>
            <translation>Documents that can be issued: {kinds}</translation>
        </message>
        <message>
            <source>白紙で印刷できるのは同意書と同意撤回届です</source>
            <translation>Only the consent form and the withdrawal form can be printed blank</translation>
        </message>
    </context>
    <context>
        <name>ReportPdf</name>
        <message>
            <source>{office}　期間: {start}〜{end}</source>
            <translation>{office} · Period: {start} – {end}</translation>
        </message>
        <message>
            <source>　作成日: {on}</source>
            <translation> · Created: {on}</translation>
        </message>
        <message>
            <source>就職件数（月）</source>
            <translation>Placements (month)</translation>
        </message>
        <message>
            <source>就職率の推移（累計）と目標</source>
            <translation>Placement rate (cumulative) and target</translation>
        </message>
        <message>
            <source>就職率（累計, %）</source>
            <translation>Placement rate (cumulative, %)</translation>
        </message>
        <message>
            <source>月別の就職件数（棒）と累計（線）</source>
            <translation>Placements by month (bars) and cumulative (line)</translation>
        </message>
        <message>
            <source>目標 {rate}</source>
            <translation>Target {rate}</translation>
        </message>
        <message>
            <source>目標ペース（年{target}件）</source>
            <translation>Target pace ({target} a year)</translation>
        </message>
        <message>
            <source>累計</source>
            <translation>Cumulative</translation>
        </message>
        <message>
            <source>（{as_of}現在）</source>
            <translation> (as of {as_of})</translation>
        </message>
    </context>
    <context>
        <name>ReportTables</name>
        <message>
            <source>{months}か月定着率</source>
            <translation>{months}-mo retention</translation>
        </message>
        <message>
            <source>{months}か月後</source>
            <translation>{months}-month check</translation>
        </message>
        <message>
            <source>{start} 〜 {end}（{as_of}現在）</source>
            <translation>{start} to {end} (as of {as_of})</translation>
        </message>
        <message>
            <source>うち常用就職</source>
            <translation>of which regular</translation>
        </message>
        <message>
            <source>うち紹介就職</source>
            <translation>of which via HW referral</translation>
        </message>
        <message>
            <source>ハローワーク</source>
            <translation>Hello Work office</translation>
        </message>
        <message>
            <source>ハローワーク別</source>
            <translation>By HW office</translation>
        </message>
        <message>
            <source>ハローワーク別（ハローワークの支援）</source>
            <translation>By Hello Work office (Hello Work's support)</translation>
        </message>
        <message>
            <source>会議で検討したケース数</source>
            <translation>Cases discussed at meetings</translation>
        </message>
        <message>
            <source>会議の開催回数</source>
            <translation>Meetings held</translation>
        </message>
        <message>
            <source>区分別</source>
            <translation>By category</translation>
        </message>
        <message>
            <source>協力事業所（受入れ・就職のあった事業所）</source>
            <translation>Cooperating employers (hosting or hiring)</translation>
        </message>
        <message>
            <source>協力事業所（新規登録）</source>
            <translation>Cooperating employers (newly registered)</translation>
        </message>
        <message>
            <source>合計</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>定着率</source>
            <translation>Retention rate</translation>
        </message>
        <message>
            <source>定着確認</source>
            <translation>Retention check</translation>
        </message>
        <message>
            <source>実績</source>
            <translation>Actual</translation>
        </message>
        <message>
            <source>実績と目標</source>
            <translation>Results and targets</translation>
        </message>
        <message>
            <source>対象</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>対象者区分</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>対象者区分別</source>
            <translation>By category</translation>
        </message>
        <message>
            <source>就労による保護廃止</source>
            <translation>Protection ended</translation>
        </message>
        <message>
            <source>就労による保護減額</source>
            <translation>Protection reduced by work</translation>
        </message>
        <message>
            <source>就労支援 実績報告　{period}</source>
            <translation>Employment support report · {period}</translation>
        </message>
        <message>
            <source>就労支援 実績報告　{period}　{organisation}</source>
            <translation>Employment support report · {period} · {organisation}</translation>
        </message>
        <message>
            <source>就労準備・支援の経路・連携</source>
            <translation>Readiness, routes and collaboration</translation>
        </message>
        <message>
            <source>就労準備度を評価した人数</source>
            <translation>Clients assessed for work readiness</translation>
        </message>
        <message>
            <source>就労準備支援事業の修了</source>
            <translation>Work readiness programmes completed</translation>
        </message>
        <message>
            <source>就労準備支援事業の開始</source>
            <translation>Work readiness programmes started</translation>
        </message>
        <message>
            <source>就労自立給付金</source>
            <translation>Self-reliance benefit</translation>
        </message>
        <message>
            <source>就職件数</source>
            <translation>Placements</translation>
        </message>
        <message>
            <source>就職率</source>
            <translation>Placement rate</translation>
        </message>
        <message>
            <source>就職率（就職件数÷支援対象者数）</source>
            <translation>Placement rate (placements ÷ support targets)</translation>
        </message>
        <message>
            <source>就職者の割合</source>
            <translation>Share placed</translation>
        </message>
        <message>
            <source>就職者数</source>
            <translation>Persons placed</translation>
        </message>
        <message>
            <source>就職者数（支援対象者のうち）</source>
            <translation>Persons placed (of support targets)</translation>
        </message>
        <message>
            <source>担当者</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>担当者別</source>
            <translation>By caseworker</translation>
        </message>
        <message>
            <source>指標</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>採用</source>
            <translation>Hires</translation>
        </message>
        <message>
            <source>採用件数</source>
            <translation>Hires</translation>
        </message>
        <message>
            <source>支援対象者のうち就職した人の割合</source>
            <translation>Share of support targets who found work</translation>
        </message>
        <message>
            <source>支援対象者数</source>
            <translation>Support targets</translation>
        </message>
        <message>
            <source>支援要請件数</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>支援費用の合計（円）</source>
            <translation>Support costs in total (yen)</translation>
        </message>
        <message>
            <source>月</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>月別</source>
            <translation>By month</translation>
        </message>
        <message>
            <source>期間</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>未記録（期限超過）</source>
            <translation>Unrecorded (overdue)</translation>
        </message>
        <message>
            <source>概要</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>目標</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>組織</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>組織別</source>
            <translation>By organisation</translation>
        </message>
        <message>
            <source>組織別（就労準備・支援の経路・連携）</source>
            <translation>By organisation (readiness, routes and collaboration)</translation>
        </message>
        <message>
            <source>経路・連携</source>
            <translation>Routes &amp; collaboration</translation>
        </message>
        <message>
            <source>継続就労</source>
            <translation>Still employed</translation>
        </message>
        <message>
            <source>職場体験・中間的就労の修了</source>
            <translation>Workplace experience / intermediate employment completed</translation>
        </message>
        <message>
            <source>職場体験・中間的就労の出席日数</source>
            <translation>Days of workplace experience / intermediate employment attended</translation>
        </message>
        <message>
            <source>職場体験・中間的就労の開始</source>
            <translation>Workplace experience / intermediate employment started</translation>
        </message>
        <message>
            <source>職場定着の状況（確認予定日が期間内で、{as_of}までのもの）</source>
            <translation>Job retention (checks due in the period, up to {as_of})</translation>
        </message>
        <message>
            <source>職業紹介</source>
            <translation>Job referrals</translation>
        </message>
        <message>
            <source>職業紹介件数</source>
            <translation>Job referrals</translation>
        </message>
        <message>
            <source>職業訓練の修了</source>
            <translation>Vocational training completed</translation>
        </message>
        <message>
            <source>職業訓練の開始</source>
            <translation>Vocational training started</translation>
        </message>
        <message>
            <source>達成率</source>
            <translation>Achievement</translation>
        </message>
        <message>
            <source>集計の基準日</source>
            <translation>As of</translation>
        </message>
        <message>
            <source>面接</source>
            <translation>Interviews</translation>
        </message>
        <message>
            <source>面接件数</source>
            <translation>Interviews</translation>
        </message>
    </context>
    <context>
        <name>Reports</name>
        <message>
            <source>{start}〜{end}</source>
            <translation>{start} – {end}</translation>
        </message>
        <message>
            <source>うち常用就職件数</source>
            <translation>of which regular placements</translation>
        </message>
        <message>
            <source>うち紹介就職件数</source>
            <translation>of which via Hello Work referral</translation>
        </message>
        <message>
            <source>他の組織の実績報告は作成できません</source>
            <translation>You cannot run another organisation's report</translation>
        </message>
        <message>
            <source>就労による保護廃止件数</source>
            <translation>Protection ended by work</translation>
        </message>
        <message>
            <source>就労による保護減額件数</source>
            <translation>Protection reduced by work</translation>
        </message>
        <message>
            <source>就労自立給付金の件数</source>
            <translation>Self-reliance benefits</translation>
        </message>
        <message>
            <source>就職件数</source>
            <translation>Placements</translation>
        </message>
        <message>
            <source>就職率</source>
            <translation>Placement rate</translation>
        </message>
        <message>
            <source>就職者数（支援対象者のうち）</source>
            <translation>Persons placed (of support targets)</translation>
        </message>
        <message>
            <source>年度「{fy}」が正しくありません（西暦の年で指定してください）</source>
            <translation>The fiscal year "{fy}" is not valid (give the Western calendar year)</translation>
        </message>
        <message>
            <source>年月が正しくありません</source>
            <translation>The year and month are not valid</translation>
        </message>
        <message>
            <source>形式は json・csv・xlsx・pdf のいずれかです</source>
            <translation>The format must be json, csv, xlsx or pdf</translation>
        </message>
        <message>
            <source>採用件数</source>
            <translation>Hires</translation>
        </message>
        <message>
            <source>支援対象者のうち就職した人の割合</source>
            <translation>Share of support targets who found work</translation>
        </message>
        <message>
            <source>支援対象者数</source>
            <translation>Support targets</translation>
        </message>
        <message>
            <source>支援要請件数</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>期間の終わりが始まりより前になっています</source>
            <translation>The period ends before it starts</translation>
        </message>
        <message>
            <source>期間は5年以内で指定してください</source>
            <translation>Give a period of at most 5 years</translation>
        </message>
        <message>
            <source>組織が見つかりません</source>
            <translation>Organisation not found</translation>
        </message>
        <message>
            <source>職業紹介件数</source>
            <translation>Job referrals</translation>
        </message>
        <message>
            <source>面接件数</source>
            <translation>Interviews</translation>
        </message>
        <message>
            <source>（担当者なし）</source>
            <translation>(no caseworker)</translation>
        </message>
        <message>
            <source>（組織なし）</source>
            <translation>(no organisation)</translation>
        </message>
    </context>
    <context>
        <name>ReportsView</name>
        <message>
            <source>{fy}の目標</source>
            <translation>Targets for {fy}</translation>
        </message>
        <message>
            <source>{label} を集計しています…</source>
            <translation>Counting {label}…</translation>
        </message>
        <message>
            <source>{label}　{as_of}現在　支援対象者 {t} 人・就職 {p} 件・就職率 {r}</source>
            <translation>{label}, as of {as_of}: {t} support targets, {p} placements, placement rate {r}</translation>
        </message>
        <message>
            <source>{name}に出力</source>
            <translation>Export as {name}</translation>
        </message>
        <message>
            <source>{period}　{organisation}</source>
            <translation>{period} · {organisation}</translation>
        </message>
        <message>
            <source>〜</source>
            <translation>–</translation>
        </message>
        <message>
            <source>すべての組織</source>
            <translation>All organisations</translation>
        </message>
        <message>
            <source>グラフ</source>
            <translation>Charts</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>保存しました: {p}</source>
            <translation>Saved: {p}</translation>
        </message>
        <message>
            <source>実績報告</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>実績報告_{fy}年度</source>
            <translation>report_FY{fy}</translation>
        </message>
        <message>
            <source>実績報告_{start}-{end}</source>
            <translation>report_{start}-{end}</translation>
        </message>
        <message>
            <source>実績報告を保存</source>
            <translation>Save report</translation>
        </message>
        <message>
            <source>対象者区分別</source>
            <translation>By category</translation>
        </message>
        <message>
            <source>就労準備・経路・連携</source>
            <translation>Readiness, routes &amp; collaboration</translation>
        </message>
        <message>
            <source>就職件数（月）</source>
            <translation>Placements (month)</translation>
        </message>
        <message>
            <source>就職率の推移（累計）と目標</source>
            <translation>Placement rate (cumulative) and target</translation>
        </message>
        <message>
            <source>就職率（累計, %）</source>
            <translation>Placement rate (cumulative, %)</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Fiscal year</translation>
        </message>
        <message>
            <source>年度目標を設定…</source>
            <translation>Set annual targets…</translation>
        </message>
        <message>
            <source>担当者別</source>
            <translation>By caseworker</translation>
        </message>
        <message>
            <source>数値で入力してください</source>
            <translation>Enter a number</translation>
        </message>
        <message>
            <source>月</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>月別</source>
            <translation>By month</translation>
        </message>
        <message>
            <source>月別の就職件数と累計</source>
            <translation>Placements by month and cumulative</translation>
        </message>
        <message>
            <source>期間</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>期間の始まりと終わりを入力してください</source>
            <translation>Enter the start and end of the period</translation>
        </message>
        <message>
            <source>期間を指定</source>
            <translation>Custom period</translation>
        </message>
        <message>
            <source>目標 {r}</source>
            <translation>Target {r}</translation>
        </message>
        <message>
            <source>目標ペース（年{n}件）</source>
            <translation>Target pace ({n} a year)</translation>
        </message>
        <message>
            <source>累計</source>
            <translation>Cumulative</translation>
        </message>
        <message>
            <source>組織</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>組織別</source>
            <translation>By organisation</translation>
        </message>
        <message>
            <source>運営協議会で定めた年度目標を入力します。空欄の指標は変更しません。</source>
            <translation>Enter the annual targets set by the steering council. Indicators left blank are not changed.</translation>
        </message>
        <message>
            <source>集計</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>（件・人）</source>
            <translation> (cases / persons)</translation>
        </message>
        <message>
            <source>（割合 例: 0.6）</source>
            <translation> (fraction, e.g. 0.6)</translation>
        </message>
    </context>
    <context>
        <name>Routes</name>
        <message>
            <source>{days}日</source>
            <translation>{days} days</translation>
        </message>
        <message>
            <source>{days}日／予定{planned}日</source>
            <translation>{days} of {planned} days</translation>
        </message>
        <message>
            <source>{item}: {score}</source>
            <translation>{item}: {score}</translation>
        </message>
        <message>
            <source>{on} {frm}→{to}</source>
            <translation>{on} {frm} → {to}</translation>
        </message>
        <message>
            <source>{outcome}（{evaluation}）</source>
            <translation>{outcome} ({evaluation})</translation>
        </message>
        <message>
            <source>{score} {label}</source>
            <translation>{score} {label}</translation>
        </message>
        <message>
            <source>{start}〜{end}</source>
            <translation>{start} – {end}</translation>
        </message>
        <message>
            <source>{what}は検討を始めてから支援の終了までの間に記録できます（現在: {current}）</source>
            <translation>{what} can be recorded from screening until the support ends (now: {current})</translation>
        </message>
        <message>
            <source>{where} の{kind}を終了として記録します。</source>
            <translation>Record the end of the {kind} at {where}.</translation>
        </message>
        <message>
            <source>▲ {line}</source>
            <translation>▲ {line}</translation>
        </message>
        <message>
            <source>　</source>
            <translation>; </translation>
        </message>
        <message>
            <source>　メモ</source>
            <translation>  Note</translation>
        </message>
        <message>
            <source>　所内協議で決定した経路: {route}</source>
            <translation>  Route decided at the case conference: {route}</translation>
        </message>
        <message>
            <source>「{item}」のメモは{limit}文字以内にしてください</source>
            <translation>Keep the note on “{item}” within {limit} characters</translation>
        </message>
        <message>
            <source>「{item}」の評価を1〜4で選んでください</source>
            <translation>Choose a score from 1 to 4 for “{item}”</translation>
        </message>
        <message>
            <source>「{name}」は無効になっている協力事業所です</source>
            <translation>“{name}” is a deactivated cooperating employer</translation>
        </message>
        <message>
            <source>この支援は既に終了として記録されています</source>
            <translation>This activity has already been recorded as ended</translation>
        </message>
        <message>
            <source>これまでの出席日数</source>
            <translation>Days attended so far</translation>
        </message>
        <message>
            <source>すべての項目を評価してください（未評価: {items}）</source>
            <translation>Score every item (not scored: {items})</translation>
        </message>
        <message>
            <source>ハローワーク以外の経路に変えると、回答待ちの支援要請は取下げになり、状態は「同意取得」に戻ります。</source>
            <translation>Moving to a route other than Hello Work withdraws the referral awaiting an answer, and the status goes back to “Consented”.</translation>
        </message>
        <message>
            <source>メモ</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>予定日数</source>
            <translation>Planned days</translation>
        </message>
        <message>
            <source>予定日数は1〜{max}日で入力してください</source>
            <translation>Enter between 1 and {max} planned days</translation>
        </message>
        <message>
            <source>会議</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>体験・作業の内容</source>
            <translation>Work done</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>出席</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <source>出席・経過を記録</source>
            <translation>Record attendance and progress</translation>
        </message>
        <message>
            <source>出席・経過を記録…</source>
            <translation>Record attendance and progress…</translation>
        </message>
        <message>
            <source>出席日数</source>
            <translation>Days attended</translation>
        </message>
        <message>
            <source>出席日数は0〜{span}日で入力してください（{start}から{until}まで）</source>
            <translation>Enter between 0 and {span} days attended ({start} to {until})</translation>
        </message>
        <message>
            <source>出席日数を入力してください</source>
            <translation>Enter the days attended</translation>
        </message>
        <message>
            <source>協力事業所</source>
            <translation>Cooperating employer</translation>
        </message>
        <message>
            <source>協力事業所を選んでください</source>
            <translation>Choose the cooperating employer</translation>
        </message>
        <message>
            <source>各項目を4段階（1 課題が大きい 〜 4 良好）で評価し、必要なら短いメモを残します。保存すると新しい版になり、前の版もそのまま残ります。</source>
            <translation>Score each item from 1 (major difficulties) to 4 (good), with a short note if needed. Saving makes a new revision; earlier revisions are kept as they were.</translation>
        </message>
        <message>
            <source>同じ項目が2回あります</source>
            <translation>The same item is listed twice</translation>
        </message>
        <message>
            <source>変更日</source>
            <translation>Changed on</translation>
        </message>
        <message>
            <source>変更日を入力してください</source>
            <translation>Enter the date of the change</translation>
        </message>
        <message>
            <source>実施中</source>
            <translation>Ongoing</translation>
        </message>
        <message>
            <source>実施事業者</source>
            <translation>Provider</translation>
        </message>
        <message>
            <source>実施先</source>
            <translation>Where</translation>
        </message>
        <message>
            <source>対象としない</source>
            <translation>Not eligible</translation>
        </message>
        <message>
            <source>就労準備・経路</source>
            <translation>Readiness &amp; routes</translation>
        </message>
        <message>
            <source>就労準備度</source>
            <translation>Work readiness</translation>
        </message>
        <message>
            <source>就労準備度 第{revision}版（{on}・{by}）</source>
            <translation>Work readiness, revision {revision} ({on}, {by})</translation>
        </message>
        <message>
            <source>就労準備度の評価</source>
            <translation>Work readiness assessment</translation>
        </message>
        <message>
            <source>就労準備度はまだ評価されていません。</source>
            <translation>Work readiness has not been assessed yet.</translation>
        </message>
        <message>
            <source>就労準備度を評価…</source>
            <translation>Assess work readiness…</translation>
        </message>
        <message>
            <source>就労準備支援事業の実施事業者を入力してください</source>
            <translation>Enter the provider of the work readiness programme</translation>
        </message>
        <message>
            <source>就労準備支援事業を記録</source>
            <translation>Record a work readiness programme</translation>
        </message>
        <message>
            <source>就労準備支援事業を追加…</source>
            <translation>Add work readiness programme…</translation>
        </message>
        <message>
            <source>就労準備支援事業・職場体験・職業訓練</source>
            <translation>Work readiness programme, workplace experience, vocational training</translation>
        </message>
        <message>
            <source>所内協議</source>
            <translation>Case conference</translation>
        </message>
        <message>
            <source>所内協議（ケース診断会議）で支援対象と決定されてから記録してください</source>
            <translation>Record this after the case conference has found the client eligible for support</translation>
        </message>
        <message>
            <source>所見</source>
            <translation>Findings</translation>
        </message>
        <message>
            <source>所見: {summary}</source>
            <translation>Findings: {summary}</translation>
        </message>
        <message>
            <source>支援の種類を選んでください</source>
            <translation>Choose the kind of activity</translation>
        </message>
        <message>
            <source>支援の経路</source>
            <translation>Support route</translation>
        </message>
        <message>
            <source>支援の経路: {route}</source>
            <translation>Support route: {route}</translation>
        </message>
        <message>
            <source>支援の経路を変更</source>
            <translation>Change the support route</translation>
        </message>
        <message>
            <source>支援の記録が見つかりません</source>
            <translation>The activity record was not found</translation>
        </message>
        <message>
            <source>支援エピソードはまだありません</source>
            <translation>No support episode yet</translation>
        </message>
        <message>
            <source>支援メニュー</source>
            <translation>Support activity</translation>
        </message>
        <message>
            <source>支援対象とする</source>
            <translation>Eligible for support</translation>
        </message>
        <message>
            <source>数字で入力してください</source>
            <translation>Enter a number</translation>
        </message>
        <message>
            <source>新しい経路</source>
            <translation>New route</translation>
        </message>
        <message>
            <source>期間</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>未定（所内協議の前）</source>
            <translation>Not decided (before the case conference)</translation>
        </message>
        <message>
            <source>未来の日付は入力できません</source>
            <translation>Future dates cannot be entered</translation>
        </message>
        <message>
            <source>求職者支援訓練か公共職業訓練かを選んでください</source>
            <translation>Choose job seeker support training or public vocational training</translation>
        </message>
        <message>
            <source>決定</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>決定日</source>
            <translation>Decision date</translation>
        </message>
        <message>
            <source>決定日を入力してください</source>
            <translation>Enter the decision date</translation>
        </message>
        <message>
            <source>理由・メモ</source>
            <translation>Reason / note</translation>
        </message>
        <message>
            <source>種類</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>第{revision}版　{on}　{by}</source>
            <translation>Revision {revision}  {on}  {by}</translation>
        </message>
        <message>
            <source>終了した支援の出席日数は、終了の記録で直してください</source>
            <translation>Correct the days attended of an ended activity in its end record</translation>
        </message>
        <message>
            <source>終了を記録</source>
            <translation>Record the end</translation>
        </message>
        <message>
            <source>終了を記録…</source>
            <translation>Record the end…</translation>
        </message>
        <message>
            <source>終了予定日</source>
            <translation>Planned end</translation>
        </message>
        <message>
            <source>終了予定日が開始日より前になっています</source>
            <translation>The planned end is before the start date</translation>
        </message>
        <message>
            <source>終了日</source>
            <translation>End date</translation>
        </message>
        <message>
            <source>終了日が開始日（{on}）より前になっています</source>
            <translation>The end date is before the start date ({on})</translation>
        </message>
        <message>
            <source>終了日を入力してください</source>
            <translation>Enter the end date</translation>
        </message>
        <message>
            <source>経路の変更: {changes}</source>
            <translation>Route changes: {changes}</translation>
        </message>
        <message>
            <source>経路を変えると、その日から新しい経路の支援になります。</source>
            <translation>From the day of the change, the client is supported on the new route.</translation>
        </message>
        <message>
            <source>経路を変更…</source>
            <translation>Change route…</translation>
        </message>
        <message>
            <source>経過・評価</source>
            <translation>Progress / evaluation</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>結果を選んでください</source>
            <translation>Choose the result</translation>
        </message>
        <message>
            <source>職場体験か中間的就労かを選んでください</source>
            <translation>Choose workplace experience or intermediate employment</translation>
        </message>
        <message>
            <source>職場体験・中間的就労を受け入れる協力事業所が登録されていません。連携 → 協力事業所 から登録してください。</source>
            <translation>No cooperating employer hosting workplace experience or intermediate employment is registered. Register one under Network → Cooperating employers.</translation>
        </message>
        <message>
            <source>職場体験・中間的就労を記録</source>
            <translation>Record workplace experience / intermediate employment</translation>
        </message>
        <message>
            <source>職場体験・中間的就労を追加…</source>
            <translation>Add workplace experience / intermediate employment…</translation>
        </message>
        <message>
            <source>職業訓練を記録</source>
            <translation>Record vocational training</translation>
        </message>
        <message>
            <source>職業訓練を追加…</source>
            <translation>Add vocational training…</translation>
        </message>
        <message>
            <source>訓練のコース（訓練科）を入力してください</source>
            <translation>Enter the training course</translation>
        </message>
        <message>
            <source>訓練の結果</source>
            <translation>Training result</translation>
        </message>
        <message>
            <source>訓練実施機関（学校）</source>
            <translation>Training provider (school)</translation>
        </message>
        <message>
            <source>訓練実施機関（学校）を入力してください</source>
            <translation>Enter the training provider (school)</translation>
        </message>
        <message>
            <source>訓練科（コース）</source>
            <translation>Course</translation>
        </message>
        <message>
            <source>評価</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>評価の版</source>
            <translation>Assessment revision</translation>
        </message>
        <message>
            <source>評価・所見</source>
            <translation>Evaluation / findings</translation>
        </message>
        <message>
            <source>評価日</source>
            <translation>Assessed on</translation>
        </message>
        <message>
            <source>評価日は受付日（{on}）以降にしてください</source>
            <translation>The assessment date must be on or after the intake date ({on})</translation>
        </message>
        <message>
            <source>評価日を入力してください</source>
            <translation>Enter the assessment date</translation>
        </message>
        <message>
            <source>評価項目にない項目です: {items}</source>
            <translation>Not an assessment item: {items}</translation>
        </message>
        <message>
            <source>選んでください</source>
            <translation>Choose</translation>
        </message>
        <message>
            <source>開始日</source>
            <translation>Start date</translation>
        </message>
        <message>
            <source>開始日は受付日（{on}）以降にしてください</source>
            <translation>The start date must be on or after the intake date ({on})</translation>
        </message>
        <message>
            <source>開始日を入力してください</source>
            <translation>Enter the start date</translation>
        </message>
        <message>
            <source>項目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>（{note}）</source>
            <translation> ({note})</translation>
        </message>
        <message>
            <source>（まだ評価していません）</source>
            <translation>(Not assessed yet)</translation>
        </message>
    </context>
    <context>
        <name>ScanViewer</name>
        <message>
            <source>{description}　{kind}・{size}</source>
            <translation>{description}   {kind}, {size}</translation>
        </message>
        <message>
            <source>{file}
{on} {who}</source>
            <translation>{file}
{on}, {who}</translation>
        </message>
        <message>
            <source>{file}（{on} {who}）</source>
            <translation>{file} ({on}, {who})</translation>
        </message>
        <message>
            <source>{page} / {pages} ページ</source>
            <translation>Page {page} / {pages}</translation>
        </message>
        <message>
            <source>この原本は表示できません（画像を読み取れません）</source>
            <translation>This original cannot be shown (the image cannot be read)</translation>
        </message>
        <message>
            <source>全体を表示</source>
            <translation>Fit to window</translation>
        </message>
        <message>
            <source>前のページ</source>
            <translation>Previous page</translation>
        </message>
        <message>
            <source>拡大</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>次のページ</source>
            <translation>Next page</translation>
        </message>
        <message>
            <source>縮小</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>署名済みの同意書（原本）— {file}</source>
            <translation>Signed consent (original) — {file}</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>（名前なし）</source>
            <translation>(no name)</translation>
        </message>
    </context>
    <context>
        <name>ServerCopy</name>
        <message>
            <source>このデータベースは既にサーバー上にあります</source>
            <translation>This database is already on the server</translation>
        </message>
        <message>
            <source>コピーの件数が一致しません（{name}: {count} → {copied}）</source>
            <translation>The copied row counts do not match ({name}: {count} → {copied})</translation>
        </message>
        <message>
            <source>コピー先には PostgreSQL の URL（postgresql+psycopg://…）を指定してください</source>
            <translation>Give a PostgreSQL URL (postgresql+psycopg://…) as the destination</translation>
        </message>
        <message>
            <source>コピー先のデータベース（{server}）は空ではありません（{tables} など）。新しい空のデータベースを指定してください</source>
            <translation>The destination database ({server}) is not empty ({tables} and others). Give a new, empty database</translation>
        </message>
        <message>
            <source>コピー先の監査ログを検証できません: {problem}</source>
            <translation>Cannot verify the audit log at the destination: {problem}</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <source>URL の形式が正しくありません</source>
            <translation>The URL is not valid</translation>
        </message>
        <message>
            <source>この PC にはキーチェーンがないため、鍵を保存できません（TSUNAGI_AUDIT_KEY で指定してください）</source>
            <translation>This PC has no keychain, so the key cannot be saved (give it in TSUNAGI_AUDIT_KEY)</translation>
        </message>
        <message>
            <source>この PC のデータベースに戻す</source>
            <translation>Back to this PC's database</translation>
        </message>
        <message>
            <source>サーバーの URL</source>
            <translation>Server URL</translation>
        </message>
        <message>
            <source>サーバーの設定とキーチェーンのパスワードを削除します。次回の起動から、この PC のデータベースを使います。サーバーのデータは変わりません。</source>
            <translation>Deletes the server setting and the password in the keychain. From the next start, this PC's database is used. The data on the server does not change.</translation>
        </message>
        <message>
            <source>データベースの接続先</source>
            <translation>Database connection</translation>
        </message>
        <message>
            <source>パスワード（キーチェーンに保存）</source>
            <translation>Password (saved in the keychain)</translation>
        </message>
        <message>
            <source>事務所の複数の PC で一つのデータベースを使うときに設定します。
例: postgresql+psycopg://tsunagi@db.example.lg.jp:5432/tsunagi?sslmode=verify-full&amp;sslrootcert=C:/certs/root.crt
接続を確認してから保存します。次回の起動から有効になります。この PC のデータをサーバーへ移すには、先に tsunagi migrate-to-server を使います。</source>
            <translation>Set this when several PCs in the office share one database.
Example: postgresql+psycopg://tsunagi@db.example.lg.jp:5432/tsunagi?sslmode=verify-full&amp;sslrootcert=C:/certs/root.crt
The connection is checked before saving. It takes effect from the next start. To move this PC's data to the server, use tsunagi migrate-to-server first.</translation>
        </message>
        <message>
            <source>保存しました</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>戻せませんでした</source>
            <translation>Could not switch back</translation>
        </message>
        <message>
            <source>接続を確認して保存</source>
            <translation>Check connection and save</translation>
        </message>
        <message>
            <source>次回の起動から、サーバー {url} を使います。</source>
            <translation>From the next start, the server {url} will be used.</translation>
        </message>
        <message>
            <source>監査ログの鍵は XXXX-XXXX-… の16組で入力してください</source>
            <translation>Enter the audit key as 16 groups, XXXX-XXXX-…</translation>
        </message>
        <message>
            <source>監査ログの鍵（XXXX-… の16組。キーチェーンに保存）</source>
            <translation>Audit key (16 groups, XXXX-…; saved in the keychain)</translation>
        </message>
    </context>
    <context>
        <name>ServerSettings</name>
        <message>
            <source>{variable} の形式が正しくありません（XXXX-XXXX-… の16組）</source>
            <translation>{variable} is not in the right form (16 groups, XXXX-XXXX-…)</translation>
        </message>
        <message>
            <source>この PC にはパスワードを保存できるキーチェーンがありません。パスワードは保存せず、TSUNAGI_DB_URL 環境変数か ~/.pgpass で指定してください</source>
            <translation>This PC has no keychain to store the password. The password is not saved; give it with the TSUNAGI_DB_URL environment variable or ~/.pgpass</translation>
        </message>
        <message>
            <source>サーバーには PostgreSQL の URL（postgresql+psycopg://…）を指定してください</source>
            <translation>Give a PostgreSQL URL (postgresql+psycopg://…) for the server</translation>
        </message>
        <message>
            <source>サーバーの URL の形式が正しくありません（例: postgresql+psycopg://user@host:5432/tsunagi?sslmode=verify-full）</source>
            <translation>The server URL is not valid (e.g. postgresql+psycopg://user@host:5432/tsunagi?sslmode=verify-full)</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>HWの回答待ちを知らせるまで（日）</source>
            <translation>Days before flagging a referral awaiting HW's answer</translation>
        </message>
        <message>
            <source>HWの支援の記録が途絶えたら知らせるまで（日）</source>
            <translation>Days without Hello Work activity before flagging a referral</translation>
        </message>
        <message>
            <source>{label}の値が正しくありません</source>
            <translation>The value of {label} is not valid</translation>
        </message>
        <message>
            <source>ログインロックの時間（分）</source>
            <translation>Login lock duration (minutes)</translation>
        </message>
        <message>
            <source>ロックまでのログイン失敗回数</source>
            <translation>Failed logins before locking</translation>
        </message>
        <message>
            <source>初期設定の完了</source>
            <translation>First-run set-up done</translation>
        </message>
        <message>
            <source>定着確認の時期（か月）</source>
            <translation>Retention check timing (months)</translation>
        </message>
        <message>
            <source>就労準備度の評価項目</source>
            <translation>Work readiness assessment items</translation>
        </message>
        <message>
            <source>就職率の目標は0〜1の割合で入力してください（例: 0.6 = 60%）</source>
            <translation>Enter the placement rate target as a fraction from 0 to 1 (e.g. 0.6 = 60%)</translation>
        </message>
        <message>
            <source>支援期間（か月）</source>
            <translation>Support period (months)</translation>
        </message>
        <message>
            <source>支援費用の財源</source>
            <translation>Funding sources of support costs</translation>
        </message>
        <message>
            <source>無操作で画面をロックするまで（分）</source>
            <translation>Minutes without activity before the screen locks</translation>
        </message>
        <message>
            <source>目標の指標「{indicator}」はありません</source>
            <translation>There is no target indicator "{indicator}"</translation>
        </message>
        <message>
            <source>目標値は0以上、年度は西暦で入力してください</source>
            <translation>Enter targets of 0 or more and the year in the Western calendar</translation>
        </message>
        <message>
            <source>終了後の保存年数</source>
            <translation>Years to keep records after closing</translation>
        </message>
        <message>
            <source>終了理由</source>
            <translation>Closing reason</translation>
        </message>
        <message>
            <source>自動バックアップの保管数</source>
            <translation>Automatic backups kept</translation>
        </message>
        <message>
            <source>自動バックアップの間隔（時間）</source>
            <translation>Automatic backup interval (hours)</translation>
        </message>
        <message>
            <source>設定項目「{key}」はありません</source>
            <translation>There is no setting "{key}"</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>あとから変えるときは 管理 メニュー（組織・ハローワーク・職員・担当の一括変更）を使います。</source>
            <translation>To change any of this later, use the Administration menu (organisations, Hello Work offices, staff, caseload moves).</translation>
        </message>
        <message>
            <source>この手順をとばす</source>
            <translation>Skip this step</translation>
        </message>
        <message>
            <source>はじめての設定</source>
            <translation>First-run set-up</translation>
        </message>
        <message>
            <source>ケースワーカーや査察指導員のアカウントを作ります。初期パスワードは一覧に表示されます。本人に伝えてください（最初のログインで本人が変更します）。</source>
            <translation>Create the accounts of caseworkers and supervisors. Their initial passwords are shown in the list: tell each to them (they change it at the first sign-in).</translation>
        </message>
        <message>
            <source>ハローワーク</source>
            <translation>Hello Work offices</translation>
        </message>
        <message>
            <source>ユーザー名</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>ユーザー名を入力してください</source>
            <translation>Enter a user name</translation>
        </message>
        <message>
            <source>・ハローワーク: {names}</source>
            <translation>• Hello Work offices: {names}</translation>
        </message>
        <message>
            <source>・ハローワーク: まだありません（支援要請の前に 管理 → ハローワーク で登録してください）</source>
            <translation>• Hello Work offices: none yet (register one under Administration → Hello Work offices before the first referral)</translation>
        </message>
        <message>
            <source>・組織: {name}（{head}）</source>
            <translation>• Organisation: {name} ({head})</translation>
        </message>
        <message>
            <source>・職員: この設定で {n} 人を登録</source>
            <translation>• Staff: {n} registered in this set-up</translation>
        </message>
        <message>
            <source>保存して次へ</source>
            <translation>Save and continue</translation>
        </message>
        <message>
            <source>初期パスワード</source>
            <translation>Initial password</translation>
        </message>
        <message>
            <source>完了</source>
            <translation>Finish</translation>
        </message>
        <message>
            <source>宛先</source>
            <translation>Addressed to</translation>
        </message>
        <message>
            <source>戻る</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>手順 {n} / 3</source>
            <translation>Step {n} of 3</translation>
        </message>
        <message>
            <source>支援要請先のハローワークを1か所以上登録します。入力して「登録」を押すと下の一覧に加わります（続けて何か所でも）。</source>
            <translation>Register at least one Hello Work office to refer to. Fill in the form and press Register; it joins the list below (add as many as you need).</translation>
        </message>
        <message>
            <source>支援要請書・同意書などに発信者として印刷される、この事務所の正式な情報です。福祉事務所が複数ある市では、ほかの組織を 管理 → 組織 で追加できます。</source>
            <translation>This office's official identity, printed as the issuer on referrals, consent forms and the rest. A city with several welfare offices adds the others under Administration → Organisations.</translation>
        </message>
        <message>
            <source>権限</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>登録</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>組織の情報</source>
            <translation>The organisation</translation>
        </message>
        <message>
            <source>職員</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>表示名</source>
            <translation>Display name</translation>
        </message>
        <message>
            <source>設定が終わりました</source>
            <translation>Set-up is done</translation>
        </message>
        <message>
            <source>通称</source>
            <translation>Name in use</translation>
        </message>
        <message>
            <source>電話</source>
            <translation>Phone</translation>
        </message>
    </context>
    <context>
        <name>Storage</name>
        <message>
            <source>この PC にはキーチェーンがないため、サーバーの監査ログの鍵を保存できません。鍵（XXXX-… の16組）を TSUNAGI_AUDIT_KEY に指定してください</source>
            <translation>This PC has no keychain, so the server's audit key cannot be saved. Give the key (16 groups, XXXX-…) in TSUNAGI_AUDIT_KEY</translation>
        </message>
        <message>
            <source>この PC にはサーバーの監査ログの鍵がありません。migrate-to-server または init のときに表示された鍵（XXXX-… の16組）を TSUNAGI_AUDIT_KEY に指定してください（tsunagi server use で一度指定すると、キーチェーンに保存します）</source>
            <translation>This PC does not have the server's audit key. Give the key shown by migrate-to-server or init (16 groups, XXXX-…) in TSUNAGI_AUDIT_KEY (tsunagi server use saves it in the keychain once given)</translation>
        </message>
        <message>
            <source>このデータベースは、これより新しいバージョンのつなぎで作成・更新されたため開けません（スキーマ {revision}）。新しいバージョンのつなぎを使ってください。何も変更していません</source>
            <translation>This database was created or updated by a newer version of Tsunagi and cannot be opened (schema {revision}). Use the newer version. Nothing was changed</translation>
        </message>
        <message>
            <source>サーバー（{server}）に接続できません。ネットワーク、サーバーの状態、ユーザー名とパスワードを確認してください</source>
            <translation>Cannot connect to the server ({server}). Check the network, the server, and the user name and password</translation>
        </message>
        <message>
            <source>ディスクの空き容量が足りないため保存できませんでした。変更は保存されていません。不要なファイルを削除してから、もう一度保存してください</source>
            <translation>Could not save because the disk is full. The changes have not been saved. Delete unneeded files and save again</translation>
        </message>
        <message>
            <source>データの保存先に書き込めないため保存できませんでした（読み取り専用）。変更は保存されていません。フォルダの書き込み権限を確認してください</source>
            <translation>Could not save because the data folder cannot be written (read-only). The changes have not been saved. Check the folder's write permission</translation>
        </message>
        <message>
            <source>データベースがありません（{db_path}）。先に tsunagi init を実行してください</source>
            <translation>There is no database ({db_path}). Run tsunagi init first</translation>
        </message>
        <message>
            <source>データベースが初期化されていません（tsunagi init）</source>
            <translation>The database has not been initialised (tsunagi init)</translation>
        </message>
        <message>
            <source>データベースは既にあります: {db_path}</source>
            <translation>The database already exists: {db_path}</translation>
        </message>
        <message>
            <source>データベースを開けません: {orig}</source>
            <translation>Cannot open the database: {orig}</translation>
        </message>
        <message>
            <source>データベースを開けません: 鍵（パスフレーズまたは回復キー）が一致しないか、ファイルが壊れています。データは変更していません</source>
            <translation>Cannot open the database: the key (passphrase or recovery key) does not match, or the file is damaged. The data was not changed</translation>
        </message>
        <message>
            <source>データベースサーバーに接続できないため保存できませんでした。変更は保存されていません。ネットワークとサーバーの状態を確認して、もう一度保存してください</source>
            <translation>Could not save because the database server cannot be reached. The changes have not been saved. Check the network and the server, then save again</translation>
        </message>
        <message>
            <source>他の処理がデータベースを使用中です（取込やバックアップなど）。変更は保存されていません。しばらく待ってから、もう一度実行してください</source>
            <translation>Another task is using the database (an import, a backup…). The change was not saved. Wait a moment, then try again</translation>
        </message>
        <message>
            <source>入力に使えない制御文字（NUL）が含まれています</source>
            <translation>Contains a control character (NUL) that cannot be entered</translation>
        </message>
        <message>
            <source>移行後に参照整合性の違反が {count} 件あります: {examples}</source>
            <translation>{count} referential integrity violations after migration: {examples}</translation>
        </message>
        <message>
            <source>鍵の設定ファイル（tsunagi.keyinfo.json）がありません。回復キーを TSUNAGI_DB_PASSPHRASE に指定してください</source>
            <translation>The key settings file (tsunagi.keyinfo.json) is missing. Set TSUNAGI_DB_PASSPHRASE to the recovery key</translation>
        </message>
    </context>
    <context>
        <name>Text</name>
        <message>
            <source>{text}（{note}）</source>
            <translation>{text} ({note})</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>TextSizeDialog</name>
        <message>
            <source>この PC で使う文字の大きさを選びます。すべての画面にすぐ反映され、次回の起動でも同じ大きさになります。</source>
            <translation>Choose the text size used on this PC. Every screen changes at once, and the next start keeps the same size.</translation>
        </message>
        <message>
            <source>とても大きい（150%）</source>
            <translation>Very large (150%)</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>大きい（125%）</source>
            <translation>Large (125%)</translation>
        </message>
        <message>
            <source>文字の大きさ</source>
            <translation>Text size</translation>
        </message>
        <message>
            <source>標準（100%）</source>
            <translation>Normal (100%)</translation>
        </message>
        <message>
            <source>設定を保存できませんでした（{reason}）</source>
            <translation>The setting could not be saved ({reason})</translation>
        </message>
    </context>
    <context>
        <name>Validators</name>
        <message>
            <source>フリガナはカタカナで入力してください</source>
            <translation>Enter the kana name in katakana</translation>
        </message>
        <message>
            <source>フリガナを入力してください</source>
            <translation>Enter the kana name</translation>
        </message>
        <message>
            <source>郵便番号は 123-4567 の形式（7桁）で入力してください</source>
            <translation>Enter the postal code as 123-4567 (7 digits)</translation>
        </message>
        <message>
            <source>電話番号の桁数が正しくありません（固定電話は10桁、携帯・IP電話は11桁）</source>
            <translation>The phone number has the wrong number of digits (10 for landlines, 11 for mobile and IP phones)</translation>
        </message>
        <message>
            <source>電話番号は数字とハイフンで入力してください</source>
            <translation>Enter the phone number with digits and hyphens</translation>
        </message>
    </context>
    <context>
        <name>Wareki</name>
        <message>
            <source>{date} は明治より前の日付です</source>
            <translation>{date} is before the Meiji era</translation>
        </message>
        <message>
            <source>「{raw}」の年が正しくありません</source>
            <translation>The year in "{raw}" is not valid</translation>
        </message>
        <message>
            <source>「{raw}」は{era}の期間外です（その日は{date}です）</source>
            <translation>"{raw}" is outside the {era} era (that day is {date})</translation>
        </message>
        <message>
            <source>「{raw}」は日付として読めません（例: R7.4.1、令和7年4月1日、2025-04-01）</source>
            <translation>Cannot read "{raw}" as a date (e.g. 2025-04-01, R7.4.1, 令和7年4月1日)</translation>
        </message>
        <message>
            <source>「{raw}」は明治より前の日付です</source>
            <translation>"{raw}" is before the Meiji era</translation>
        </message>
        <message>
            <source>「{shown}」は存在しない日付です</source>
            <translation>"{shown}" is not a real date</translation>
        </message>
        <message>
            <source>令和</source>
            <translation>Reiwa</translation>
        </message>
        <message>
            <source>大正</source>
            <translation>Taisho</translation>
        </message>
        <message>
            <source>平成</source>
            <translation>Heisei</translation>
        </message>
        <message>
            <source>日付が入力されていません</source>
            <translation>No date entered</translation>
        </message>
        <message>
            <source>明治</source>
            <translation>Meiji</translation>
        </message>
        <message>
            <source>昭和</source>
            <translation>Showa</translation>
        </message>
    </context>
    <context>
        <name>Widgets</name>
        <message>
            <source>例: R7.4.1 / 令和7年4月1日 / 2025-04-01</source>
            <translation>e.g. 2025-04-01 / R7.4.1 / 令和7年4月1日</translation>
        </message>
    </context>
    <context>
        <name>Workflow</name>
        <message>
            <source>{months}か月</source>
            <translation>{months} months</translation>
        </message>
        <message>
            <source>{months}か月の定着確認の予定日は {due} です。{days}日早い {on} の確認として記録しますか？</source>
            <translation>The {months}-month retention check is due on {due}. Record it as checked on {on}, {days} days early?</translation>
        </message>
        <message>
            <source>「{name}」は無効になっているハローワークです</source>
            <translation>"{name}" is a disabled Hello Work office</translation>
        </message>
        <message>
            <source>「対象としない」決定には支援の経路はありません</source>
            <translation>A “not eligible” decision has no support route</translation>
        </message>
        <message>
            <source>この対象者には終了していない支援エピソードがあります</source>
            <translation>This client has a support episode that is not closed</translation>
        </message>
        <message>
            <source>この就職は既に離職として記録されています</source>
            <translation>This placement is already recorded as ended</translation>
        </message>
        <message>
            <source>この採用は既に就職として記録されています</source>
            <translation>This hire is already recorded as a placement</translation>
        </message>
        <message>
            <source>この支援エピソードは「{state}」のため記録を追加できません</source>
            <translation>Records cannot be added: this support episode is "{state}"</translation>
        </message>
        <message>
            <source>チーム構成員の氏名と所属（福祉/ハローワーク）を入力してください</source>
            <translation>Enter each team member's name and side (welfare / Hello Work)</translation>
        </message>
        <message>
            <source>ハローワークから連絡のあった採用が見つかりません</source>
            <translation>The hire reported by Hello Work was not found</translation>
        </message>
        <message>
            <source>プランの見直し予定が見つかりません</source>
            <translation>The scheduled plan review was not found</translation>
        </message>
        <message>
            <source>事業所名を入力してください</source>
            <translation>Enter the employer</translation>
        </message>
        <message>
            <source>保護の変更は「廃止」か「減額」を選んでください</source>
            <translation>Choose "ended" or "reduced" for the change in protection</translation>
        </message>
        <message>
            <source>同意が未取得のため同意取得にできません（{missing}）</source>
            <translation>Cannot set Consented: consent not obtained ({missing})</translation>
        </message>
        <message>
            <source>同意が未取得のため支援要請できません（{missing}）</source>
            <translation>Cannot refer: consent not obtained ({missing})</translation>
        </message>
        <message>
            <source>回答待ちの支援要請がありません</source>
            <translation>There is no referral awaiting an answer</translation>
        </message>
        <message>
            <source>定着確認が {n} 件残っています（{which}）。支援の終了とともに中止するか、予定として残すかを選んでください</source>
            <translation>{n} retention checks are still open ({which}). Choose whether to cancel them with the closure or keep them scheduled</translation>
        </message>
        <message>
            <source>定着確認の予定が見つかりません</source>
            <translation>The scheduled retention check was not found</translation>
        </message>
        <message>
            <source>対象者が見つかりません</source>
            <translation>Client not found</translation>
        </message>
        <message>
            <source>就労支援チームの構成員を1人以上入力してください</source>
            <translation>Enter at least one member of the employment support team</translation>
        </message>
        <message>
            <source>就職の記録が見つかりません</source>
            <translation>The placement record was not found</translation>
        </message>
        <message>
            <source>就職経路を選んでください</source>
            <translation>Choose the placement route</translation>
        </message>
        <message>
            <source>差戻しの理由を入力してください</source>
            <translation>Enter the reason for return</translation>
        </message>
        <message>
            <source>延長の理由を入力してください</source>
            <translation>Enter the reason for extension</translation>
        </message>
        <message>
            <source>延長後の終了予定日は現在の終了予定日より後にしてください</source>
            <translation>The new planned end date must be after the current one</translation>
        </message>
        <message>
            <source>所内協議（ケース診断会議）で支援対象と決定されていません</source>
            <translation>The case conference has not decided that the client is eligible for support</translation>
        </message>
        <message>
            <source>所内協議（ケース診断会議）で支援対象と決定されてから経路を選んでください</source>
            <translation>Choose a route after the case conference has found the client eligible for support</translation>
        </message>
        <message>
            <source>支援の終了を伴う撤回は参加同意のものです</source>
            <translation>Only a participation consent is withdrawn together with the end of support</translation>
        </message>
        <message>
            <source>支援の経路が「{route}」です。ハローワークへ支援要請するには、経路を「{hello_work}」に変更してください</source>
            <translation>The support route is “{route}”. To refer the client to Hello Work, change the route to “{hello_work}”</translation>
        </message>
        <message>
            <source>支援の経路は検討から支援中までの間に変更できます（現在: {current}）</source>
            <translation>The support route can be changed from screening through “In support” (now: {current})</translation>
        </message>
        <message>
            <source>支援の経路を選んでください</source>
            <translation>Choose the support route</translation>
        </message>
        <message>
            <source>支援エピソードが見つかりません</source>
            <translation>Support episode not found</translation>
        </message>
        <message>
            <source>支援エピソードの状態の値が正しくありません</source>
            <translation>The episode's state is not a valid value</translation>
        </message>
        <message>
            <source>支援プランは支援中・就職・定着支援の間に改訂できます（現在: {current}）</source>
            <translation>The support plan can be revised while in support, placed or in retention (now: {current})</translation>
        </message>
        <message>
            <source>支援メニューが正しくありません: {items}</source>
            <translation>Not a valid support menu item: {items}</translation>
        </message>
        <message>
            <source>支援期間は支援中の間に延長できます（現在: {current}）</source>
            <translation>The support period can be extended while in support (now: {current})</translation>
        </message>
        <message>
            <source>支援要請先のハローワークを選んでください</source>
            <translation>Choose the Hello Work office to refer to</translation>
        </message>
        <message>
            <source>文書番号「{number}」は既に使われています</source>
            <translation>Document no. "{number}" is already in use</translation>
        </message>
        <message>
            <source>既に「{route}」の経路です</source>
            <translation>The route is already “{route}”</translation>
        </message>
        <message>
            <source>日付は {earliest} 以降にしてください（直前の記録より前の日付です）</source>
            <translation>The date must be {earliest} or later (it is before the previous record)</translation>
        </message>
        <message>
            <source>期限を入れる場合は次の対応も入力してください</source>
            <translation>When giving a due date, enter the next action too</translation>
        </message>
        <message>
            <source>未定</source>
            <translation>Not decided</translation>
        </message>
        <message>
            <source>未来の日付は入力できません</source>
            <translation>Future dates cannot be entered</translation>
        </message>
        <message>
            <source>検討結果は「{screening}」の状態でのみ記録できます（現在: {current}）</source>
            <translation>The screening result can only be recorded in the "{screening}" state (now: {current})</translation>
        </message>
        <message>
            <source>次の対応の記録が見つかりません</source>
            <translation>The next action record was not found</translation>
        </message>
        <message>
            <source>残っている定着確認の扱いを選んでください</source>
            <translation>Choose what to do with the open retention checks</translation>
        </message>
        <message>
            <source>決定は「支援対象とする」か「対象としない」を選んでください</source>
            <translation>Choose "eligible for support" or "not eligible" as the decision</translation>
        </message>
        <message>
            <source>現在の状態「{current}」から「{requested}」へは移行できません</source>
            <translation>Cannot move from "{current}" to "{requested}"</translation>
        </message>
        <message>
            <source>目標とする職種を入力してください</source>
            <translation>Enter the target job</translation>
        </message>
        <message>
            <source>目標時期がプランの作成日より前になっています</source>
            <translation>The target date is before the plan's date</translation>
        </message>
        <message>
            <source>確認日は就職日（{start}）より後の日付にしてください</source>
            <translation>The check date must be after the job start date ({start})</translation>
        </message>
        <message>
            <source>確認結果を選んでください</source>
            <translation>Choose the result of the check</translation>
        </message>
        <message>
            <source>終了理由を一覧から選んでください（{reasons}）</source>
            <translation>Choose a closing reason from the list ({reasons})</translation>
        </message>
        <message>
            <source>見直し日（{day}）がプランの作成日（{planned}）より前になっています</source>
            <translation>The review date ({day}) is before the plan's date ({planned})</translation>
        </message>
        <message>
            <source>記録の内容を入力してください</source>
            <translation>Enter the content of the record</translation>
        </message>
        <message>
            <source>記録の種別を選んでください</source>
            <translation>Choose the kind of record</translation>
        </message>
        <message>
            <source>賃金の単位は月給か時給です</source>
            <translation>The wage unit is monthly or hourly</translation>
        </message>
        <message>
            <source>賃金は正の金額で入力してください</source>
            <translation>Enter the wage as a positive amount</translation>
        </message>
        <message>
            <source>週の労働時間は0より大きく80以下で入力してください</source>
            <translation>Enter weekly working hours above 0 and at most 80</translation>
        </message>
        <message>
            <source>雇用期間の区分を選んでください</source>
            <translation>Choose the employment term</translation>
        </message>
        <message>
            <source>離職日が就職日より前になっています</source>
            <translation>The date left is before the placement date</translation>
        </message>
        <message>
            <source>離職理由を入力してください</source>
            <translation>Enter the reason for leaving</translation>
        </message>
    </context>
</TS>
