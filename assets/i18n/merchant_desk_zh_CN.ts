<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AdjustPointsDialog</name>
        <message>
            <location filename="../../desktop/views/adjust_points_dialog.py" line="49" />
            <source>Adjust points</source>
            <translation>调整积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/adjust_points_dialog.py" line="52" />
            <source>%1 has %2 points. Enter a positive number to add points or a negative number to deduct them.</source>
            <translation>%1 现有 %2 积分。输入正数增加积分，输入负数扣减积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/adjust_points_dialog.py" line="65" />
            <source>e.g. points missed on a sale</source>
            <translation>例如：消费时漏记的积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/adjust_points_dialog.py" line="76" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/adjust_points_dialog.py" line="77" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>AuditSection</name>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="111" />
            <source>Verify log</source>
            <translation>校验日志</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="119" />
            <source>Sensitive actions are recorded here. Each record is chained to the one before, so a changed or deleted record shows up when the log is verified.</source>
            <translation>重要操作都记录在这里。每条记录都与上一条环环相扣，记录一旦被改动或删除，校验日志时就能发现。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="143" />
            <source>The log is intact: %1 records checked.</source>
            <translation>日志完好：已校验 %1 条记录。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="149" />
            <source>The log has been altered: record No. %1 does not match the chain.</source>
            <translation>日志已被改动：编号 %1 的记录与前面的记录对不上。</translation>
        </message>
    </context>
    <context>
        <name>AuditTable</name>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="80" />
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="80" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="80" />
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="80" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="81" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
    </context>
    <context>
        <name>CounterView</name>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="69" />
            <source>Scan the member card, or type a phone number</source>
            <translation>扫会员码，或输入手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="74" />
            <source>Scan a card · or type the last 4 digits or all 11 digits of the phone number, then Enter · Esc clears</source>
            <translation>扫会员码 · 或输入手机号后 4 位 / 完整 11 位后按回车 · Esc 清空</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="121" />
            <source>Sale</source>
            <translation>收款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="122" />
            <source>Redeem points</source>
            <translation>积分抵扣</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="123" />
            <source>Check-in</source>
            <translation>签到</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="124" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="125" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="198" />
            <source>Type the last 4 digits or all 11 digits of the phone number, or scan the member card.</source>
            <translation>请输入手机号后 4 位或完整 11 位，或者扫会员码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="222" />
            <source>No member's phone number ends in %1.</source>
            <translation>没有手机尾号为 %1 的会员。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="224" />
            <source>No member has the phone number %1.</source>
            <translation>没有手机号为 %1 的会员。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="237" />
            <source>%1    %2    %3    %4 points</source>
            <translation>%1    %2    %3    %4 积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="246" />
            <source>%1 members match: choose with ↑ ↓ and Enter.</source>
            <translation>找到 %1 位会员：用 ↑ ↓ 选择，按回车确认。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="250" />
            <source>Type the full phone number to narrow it down.</source>
            <translation>输入完整手机号可以缩小范围。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="273" />
            <source>Scan the member card first to redeem points.</source>
            <translation>请先扫会员码，再用积分抵扣。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="304" />
            <source>Sale not recorded: the owner's PIN was not given.</source>
            <translation>未记账：没有输入店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="313" />
            <source>Sale %1 recorded (no member).</source>
            <translation>已收款 %1（非会员）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="319" />
            <source>Sale %1 recorded: %2 points redeemed (%3 off, paid %4), +%5 points, balance %6</source>
            <translation>已收款 %1：用 %2 积分抵 %3，实付 %4，积分 +%5，余额 %6</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="330" />
            <source>Sale %1 recorded: +%2 points, balance %3</source>
            <translation>已收款 %1：积分 +%2，余额 %3</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="338" />
            <source>Scan the member card first to check in.</source>
            <translation>请先扫会员码，再签到。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="348" />
            <source>Already checked in today: this visit is recorded, but not rewarded. Balance %1.</source>
            <translation>今天已经签到过：本次到店已记录，不再送积分。余额 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="353" />
            <source>Check-in recorded: +%1 points, balance %2.</source>
            <translation>签到成功：积分 +%1，余额 %2。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="358" />
            <source>Check-in recorded. Balance %1.</source>
            <translation>签到成功。余额 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="378" />
            <source>Refund of the sale of %1 on %2: the owner's PIN is needed.</source>
            <translation>退还 %2 的 %1 消费：需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="384" />
            <source>Refund cancelled: the owner's PIN was not given.</source>
            <translation>已取消退款：没有输入店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="397" />
            <source>Sale %1 refunded.</source>
            <translation>已退款 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="400" />
            <source>Sale %1 refunded: %2 points taken back, %3 points returned, balance %4.</source>
            <translation>已退款 %1：扣回 %2 积分，退还 %3 积分，余额 %4。</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../desktop/views/first_run.py" line="43" />
            <source>Welcome to Merchant Desk</source>
            <translation>欢迎使用商盟柜台</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="48" />
            <source>Set up your shop. You can change these details later in Settings. The owner's PIN guards refunds and settings: keep it to yourself.</source>
            <translation>先设置您的店铺，以后可以在“设置”里修改。店主密码用于退款和修改设置，请妥善保管，不要告诉别人。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="71" />
            <source>Shop name</source>
            <translation>店名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="72" />
            <source>Address (optional)</source>
            <translation>地址（可不填）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="73" />
            <source>Owner's name</source>
            <translation>店主姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="74" />
            <source>Owner's PIN (4–8 digits)</source>
            <translation>店主密码（4–8 位数字）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="75" />
            <source>PIN again</source>
            <translation>再输一次密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="85" />
            <source>Create the shop</source>
            <translation>创建店铺</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="87" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="101" />
            <source>Please enter the shop name.</source>
            <translation>请输入店名。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="103" />
            <source>Please enter the owner's name.</source>
            <translation>请输入店主姓名。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="106" />
            <source>The PIN must be 4 to 8 digits.</source>
            <translation>密码须为 4 到 8 位数字。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="109" />
            <source>The two PINs are not the same. Type the PIN again.</source>
            <translation>两次输入的密码不一样，请重新输入。</translation>
        </message>
    </context>
    <context>
        <name>LanguageSection</name>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="122" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="129" />
            <source>Save language</source>
            <translation>保存语言</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="132" />
            <source>The new language is used the next time Merchant Desk starts.</source>
            <translation>新语言在下次启动商盟柜台时生效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="162" />
            <source>Saved. Restart Merchant Desk to switch to %1.</source>
            <translation>已保存。重新启动商盟柜台后切换为 %1。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/views/main_window.py" line="56" />
            <location filename="../../desktop/views/main_window.py" line="155" />
            <source>Merchant Desk</source>
            <translation>商盟柜台</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="69" />
            <location filename="../../desktop/views/main_window.py" line="160" />
            <source>Counter</source>
            <translation>收银台</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="70" />
            <source>Members</source>
            <translation>会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="71" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="86" />
            <source>Switch staff (F12)</source>
            <translation>切换店员 (F12)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="162" />
            <source>%1 (owner)</source>
            <translation>%1（店主）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="165" />
            <source>Signed in: %1</source>
            <translation>当前登录：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="172" />
            <source>Enter your PIN to sign in at this counter.</source>
            <translation>请输入您的密码登录本收银台。</translation>
        </message>
    </context>
    <context>
        <name>MemberCardWidget</name>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="58" />
            <source>Scan a member card, or type a phone number</source>
            <translation>请扫会员码，或输入手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="93" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="117" />
            <source>Spent in the last 12 months</source>
            <translation>近 12 个月消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="118" />
            <source>Member since</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="119" />
            <source>Card valid until</source>
            <translation>会员卡有效期至</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="129" />
            <source>Recent visits</source>
            <translation>最近到店</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="157" />
            <source>%1 points expire on %2</source>
            <translation>%1 积分将于 %2 过期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="179" />
            <source>No visits yet</source>
            <translation>还没有到店记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="183" />
            <source>Sale %1</source>
            <translation>消费 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="185" />
            <source>Check-in</source>
            <translation>签到</translation>
        </message>
    </context>
    <context>
        <name>MemberDetailsPane</name>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="61" />
            <source>Search for a member or scan a member card.</source>
            <translation>请搜索会员，或扫会员码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="76" />
            <source>Marketing messages</source>
            <translation>接收营销信息</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="78" />
            <source>Share with alliance shops</source>
            <translation>与商盟店铺共享</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="90" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="92" />
            <source>Print card</source>
            <translation>打印会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="95" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="96" />
            <source>Print preview…</source>
            <translation>打印预览…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="98" />
            <source>Save card as PDF/PNG…</source>
            <translation>另存为 PDF/PNG…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="100" />
            <source>Re-issue card…</source>
            <translation>补发新卡…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="102" />
            <source>Adjust points…</source>
            <translation>调整积分…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="112" />
            <source>Points history</source>
            <translation>积分明细</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="113" />
            <source>Visits and sales</source>
            <translation>消费记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="125" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="126" />
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="127" />
            <source>Member since</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="128" />
            <source>Card</source>
            <translation>会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="129" />
            <source>Consents (can be given or withdrawn at any time)</source>
            <translation>授权（可随时同意或撤回）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="131" />
            <source>Membership: agreed at enrolment</source>
            <translation>会员条款：入会时已同意</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="191" />
            <source>%1 · %2 points</source>
            <translation>%1 · %2 积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="199" />
            <source>serial %1, valid until %2</source>
            <translation>序号 %1，有效期至 %2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="245" />
            <source>Marketing consent given.</source>
            <translation>已同意接收营销信息。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="247" />
            <source>Marketing consent withdrawn.</source>
            <translation>已撤回营销信息授权。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="251" />
            <source>Alliance sharing consent given.</source>
            <translation>已同意与商盟店铺共享。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="253" />
            <source>Alliance sharing consent withdrawn.</source>
            <translation>已撤回商盟共享授权。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="263" />
            <source>Member saved.</source>
            <translation>会员信息已保存。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="288" />
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="288" />
            <source>PNG image, 300 dpi (*.png)</source>
            <translation>PNG 图片，300 dpi (*.png)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="291" />
            <source>Save member card</source>
            <translation>保存会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="304" />
            <source>Card saved to %1</source>
            <translation>会员卡已保存到 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="311" />
            <source>Re-issue card</source>
            <translation>补发新卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="312" />
            <source>Issue a new card for %1? The old card stops working at once.</source>
            <translation>要为 %1 补发新卡吗？旧卡将立即失效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="328" />
            <source>New card %1 issued; the old card no longer works. Print the new card for the member.</source>
            <translation>已补发新卡（序号 %1），旧卡已失效。请为会员打印新卡。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="336" />
            <source>Adjusting points needs the owner's PIN.</source>
            <translation>调整积分需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="350" />
            <source>Points adjusted. New balance: %1</source>
            <translation>积分已调整。新余额：%1</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="88" />
            <source>Edit member</source>
            <translation>编辑会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="88" />
            <source>Enrol member</source>
            <translation>新会员入会</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="100" />
            <source>11-digit mobile number</source>
            <translation>11 位手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="103" />
            <source>Known</source>
            <translation>填写</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="114" />
            <source>Agrees to the membership terms (required)</source>
            <translation>同意会员条款（必选）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="116" />
            <source>Marketing messages</source>
            <translation>接收营销信息</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="118" />
            <source>Share with alliance shops</source>
            <translation>与商盟店铺共享</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="131" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="131" />
            <source>Enrol</source>
            <translation>确认入会</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="142" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="144" />
            <source>Mobile phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="149" />
            <source>Birthday (optional)</source>
            <translation>生日（可不填）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="156" />
            <source>Keeps name, phone and purchases to collect and spend points here.</source>
            <translation>本店保存姓名、手机号和消费记录，用于积分和抵扣。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="165" />
            <source>May receive offers and birthday greetings; can be withdrawn at any time.</source>
            <translation>可收到优惠信息和生日祝福，可随时撤回。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="171" />
            <source>Other shops of the alliance may recognise the member and share points.</source>
            <translation>商盟内其他店铺可识别该会员，并与本店共享积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_dialog.py" line="177" />
            <source>Consents</source>
            <translation>授权</translation>
        </message>
    </context>
    <context>
        <name>MemberHistory</name>
        <message>
            <location filename="../../desktop/views/member_history.py" line="25" />
            <source>Earned</source>
            <translation>获得</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="26" />
            <source>Redeemed</source>
            <translation>抵扣</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="27" />
            <source>Expired</source>
            <translation>过期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="28" />
            <source>Reversed</source>
            <translation>冲回</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="29" />
            <source>Adjusted</source>
            <translation>调整</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="30" />
            <source>Check-in</source>
            <translation>签到</translation>
        </message>
    </context>
    <context>
        <name>MembersTable</name>
        <message>
            <location filename="../../desktop/views/members_view.py" line="59" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="60" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="61" />
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="62" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
    </context>
    <context>
        <name>MembersView</name>
        <message>
            <location filename="../../desktop/views/members_view.py" line="119" />
            <source>Search by full phone, last 4 digits, name, or pinyin initials: zs finds 张三</source>
            <translation>可按完整手机号、手机尾号 4 位、姓名或拼音首字母搜索：输入 zs 可找到张三</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="121" />
            <source>Phone, last 4 digits, name or initials (zs)</source>
            <translation>手机号、尾号 4 位、姓名或拼音首字母 (zs)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="124" />
            <source>Enrol member (Ctrl+N)</source>
            <translation>新会员入会 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="127" />
            <source>◀ Previous</source>
            <translation>◀ 上一页</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="129" />
            <source>Next ▶</source>
            <translation>下一页 ▶</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="214" />
            <source>%1–%2</source>
            <translation>第 %1–%2 条</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="223" />
            <source>No member matches “%1”.</source>
            <translation>没有符合“%1”的会员。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="225" />
            <source>No members yet. Enrol the first one with Ctrl+N.</source>
            <translation>还没有会员。按 Ctrl+N 为第一位会员办理入会。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="266" />
            <source>Member enrolled. Print the card or show the code to the member.</source>
            <translation>入会成功。请打印会员卡，或向会员出示会员码。</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <location filename="../../desktop/views/pin_dialog.py" line="38" />
            <source>Owner PIN</source>
            <translation>店主密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/pin_dialog.py" line="38" />
            <source>Staff PIN</source>
            <translation>店员密码</translation>
        </message>
    </context>
    <context>
        <name>PointsHistoryTable</name>
        <message>
            <location filename="../../desktop/views/member_history.py" line="43" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="44" />
            <source>Entry</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="45" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="46" />
            <source>Expires</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="47" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>PointsRuleSection</name>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="61" />
            <source>Spend for 1 point (¥)</source>
            <translation>每积 1 分需消费（元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="62" />
            <source>Silver from (¥ spent in 12 months)</source>
            <translation>银卡门槛（近 12 个月消费，元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="63" />
            <source>Silver members earn (%)</source>
            <translation>银卡积分比例（%）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="64" />
            <source>Gold from (¥ spent in 12 months)</source>
            <translation>金卡门槛（近 12 个月消费，元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="65" />
            <source>Gold members earn (%)</source>
            <translation>金卡积分比例（%）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="66" />
            <source>Points expire after (months)</source>
            <translation>积分有效期（月）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="67" />
            <source>Value of 1 point (fen)</source>
            <translation>1 积分可抵金额（分钱）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="68" />
            <source>Owner PIN above (points in one sale)</source>
            <translation>单笔积分超过此数需店主密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="69" />
            <source>Points for a check-in</source>
            <translation>签到送积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="92" />
            <source>Save points rule</source>
            <translation>保存积分规则</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="99" />
            <source>Points rule</source>
            <translation>积分规则</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="120" />
            <source>A change applies to sales from now on; points already earned keep the rule they were earned under.</source>
            <translation>修改只对今后的消费生效；已获得的积分仍按获得时的规则计算。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="152" />
            <source>%1: enter an amount in yuan, such as 1 or 0.50.</source>
            <translation>%1：请输入以元为单位的金额，例如 1 或 0.50。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="166" />
            <source>Enter amounts in yuan, such as 1 or 0.50.</source>
            <translation>请输入以元为单位的金额，例如 1 或 0.50。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="171" />
            <source>Customers earn 1 point per %1 spent.</source>
            <translation>顾客每消费 %1 得 1 积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="175" />
            <source>Silver members (%1 or more in the last 12 months) earn %2%, gold members (%3 or more) earn %4%.</source>
            <translation>银卡会员（近 12 个月消费满 %1）按 %2% 积分，金卡会员（满 %3）按 %4% 积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="182" />
            <source>Points expire %1 months after they are earned.</source>
            <translation>积分在获得 %1 个月后过期。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="185" />
            <source>100 points are worth %1 off.</source>
            <translation>100 积分可抵 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="186" />
            <source>Earning more than %1 points in one sale needs the owner's PIN.</source>
            <translation>单笔获得超过 %1 积分需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="190" />
            <source>A check-in earns %1 points.</source>
            <translation>每次签到得 %1 积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="192" />
            <source>Check-ins earn no points.</source>
            <translation>签到不送积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="210" />
            <source>Nothing changed.</source>
            <translation>没有改动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="220" />
            <source>Saved: rule version %1 is in force from now on.</source>
            <translation>已保存：第 %1 版规则即刻生效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="233" />
            <source>%1 must be between %2 and %3.</source>
            <translation>%1 须在 %2 到 %3 之间。</translation>
        </message>
    </context>
    <context>
        <name>RefundDialog</name>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="44" />
            <source>Refund a sale</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="47" />
            <source>Recent sales of %1</source>
            <translation>%1 的最近消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="49" />
            <source>Recent sales at this counter</source>
            <translation>本店最近的消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="67" />
            <source>Reason (optional)</source>
            <translation>退款原因（可不填）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="76" />
            <source>Refund (Enter)</source>
            <translation>退款 (回车)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="77" />
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="86" />
            <source>No sales to refund.</source>
            <translation>没有可退款的消费。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="107" />
            <source>(points discount %1)</source>
            <translation>（积分抵扣 %1）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="109" />
            <source>— refunded</source>
            <translation>— 已退款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="115" />
            <source>Choose a sale that has not been refunded.</source>
            <translation>请选择一笔还没退款的消费。</translation>
        </message>
    </context>
    <context>
        <name>SaleDialog</name>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="89" />
            <source>Redeem points</source>
            <translation>积分抵扣</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="89" />
            <source>Sale</source>
            <translation>收款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="93" />
            <source>Sale without a member (no points)</source>
            <translation>非会员收款（不积分）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="96" />
            <source>%1 · %2 · balance %3 points</source>
            <translation>%1 · %2 · 积分余额 %3</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="107" />
            <source>e.g. 23.50</source>
            <translation>例如 23.50</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="114" />
            <source>Amount (¥)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="117" />
            <source>Points to redeem</source>
            <translation>使用积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="118" />
            <source>100 points = %1 off</source>
            <translation>100 积分抵 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="135" />
            <source>Record sale (Enter)</source>
            <translation>确认收款 (回车)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="137" />
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="167" />
            <source>Discount %1</source>
            <translation>抵扣 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="168" />
            <source>To pay %1</source>
            <translation>应付 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="170" />
            <source>Points earned +%1</source>
            <translation>获得积分 +%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="176" />
            <source>Enter the amount, for example 23.50.</source>
            <translation>请输入金额，例如 23.50。</translation>
        </message>
    </context>
    <context>
        <name>ScanField</name>
        <message>
            <location filename="../../desktop/views/scanner.py" line="436" />
            <source>Scan or type a code</source>
            <translation>扫码或输入号码</translation>
        </message>
    </context>
    <context>
        <name>ScannerTestPanel</name>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="78" />
            <source>Scanner test</source>
            <translation>扫码枪测试</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="80" />
            <source>Scan any member card or coupon into this box.</source>
            <translation>在下面的框里扫任意一个会员码或优惠券。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="84" />
            <source>Scan here</source>
            <translation>在这里扫码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="85" />
            <source>No scan yet.</source>
            <translation>还没有扫码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="88" />
            <source>Speed of the last scan: not measured yet.</source>
            <translation>上次扫码速度：尚未测量。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="149" />
            <source>Speed of the last scan: everything arrived at once (pasted, or sent by an input method).</source>
            <translation>上次扫码速度：所有字符同时到达（是粘贴的，或由输入法发送）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="153" />
            <source>Speed of the last scan: {speed} characters per second.</source>
            <translation>上次扫码速度：每秒 {speed} 个字符。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="159" />
            <source>member card</source>
            <translation>会员码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="159" />
            <source>coupon</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="165" />
            <source>Valid code: {kind}. The scanner is set up correctly.</source>
            <translation>有效的码：{kind}。扫码枪设置正确。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="170" />
            <source>The code was read, but it is not one of ours, or it was misread. Scan it again.</source>
            <translation>码已读到，但不是本店的码，或者没扫对。请重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="173" />
            <source>Caps Lock appears to be on: the scanner sent shifted characters such as !@#$ instead of digits. Turn Caps Lock off, or switch the scanner's Caps Lock setting, and scan again.</source>
            <translation>大写锁定 (Caps Lock) 好像开着：扫码枪发来的是 !@#$ 等符号，而不是数字。请关掉大写锁定，或修改扫码枪的大写锁定设置，然后重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="178" />
            <source>The keyboard layout appears to be French (AZERTY): the digits arrived as other characters. Switch the keyboard layout to English (US), or set the scanner's keyboard language to match, and scan again.</source>
            <translation>键盘布局好像是法语 (AZERTY)：数字变成了其他字符。请把键盘布局切换为英语（美国），或把扫码枪的键盘语言设成一致，然后重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="183" />
            <source>The keyboard layout appears to be an unusual one: the digits arrived as other characters. Switch the keyboard layout to English (US), or set the scanner's keyboard language to match, and scan again.</source>
            <translation>键盘布局好像不常见：数字变成了其他字符。请把键盘布局切换为英语（美国），或把扫码枪的键盘语言设成一致，然后重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="188" />
            <source>Full-width characters arrived from a Chinese input method. Switch the input method to half-width or to English, and scan again.</source>
            <translation>收到了中文输入法的全角字符。请把输入法切换到半角或英文，然后重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/scanner_test.py" line="192" />
            <source>The characters arrived slowly, so this was not a scanner burst. Check that the scanner is set to USB keyboard emulation without a delay between characters.</source>
            <translation>字符到得太慢，不像是扫码枪输入的。请检查扫码枪是否设为 USB 键盘模式，并且字符之间没有延时。</translation>
        </message>
    </context>
    <context>
        <name>SettingsView</name>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="54" />
            <source>Unlock with owner PIN</source>
            <translation>输入店主密码解锁</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="71" />
            <source>Shop and language</source>
            <translation>店铺与语言</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="72" />
            <source>Points rule</source>
            <translation>积分规则</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="73" />
            <source>Staff</source>
            <translation>店员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="74" />
            <source>Audit log</source>
            <translation>操作日志</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="75" />
            <source>Scanner test</source>
            <translation>扫码枪测试</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="77" />
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="93" />
            <source>Settings are locked</source>
            <translation>设置已锁定</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="98" />
            <source>Only the owner can change the shop, the points rule and staff accounts. They lock again when you leave this tab.</source>
            <translation>只有店主可以修改店铺信息、积分规则和店员账号。离开本页后会重新锁定。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="134" />
            <source>Enter the owner's PIN to open the settings.</source>
            <translation>请输入店主密码打开设置。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="136" />
            <source>Still locked.</source>
            <translation>仍处于锁定状态。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="149" />
            <source>Unlocked by %1. Settings lock again when you leave this tab.</source>
            <translation>已由 %1 解锁。离开本页后设置会重新锁定。</translation>
        </message>
    </context>
    <context>
        <name>ShopSection</name>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="58" />
            <source>Save shop profile</source>
            <translation>保存店铺信息</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="65" />
            <source>Shop profile</source>
            <translation>店铺信息</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="67" />
            <source>Shop name</source>
            <translation>店名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="68" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="69" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="70" />
            <source>The shop name is printed on member cards and coupons.</source>
            <translation>店名会印在会员卡和优惠券上。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="108" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>StaffPinDialog</name>
        <message>
            <location filename="../../desktop/views/staff_dialog.py" line="58" />
            <source>Add staff</source>
            <translation>添加店员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/staff_dialog.py" line="60" />
            <source>Change PIN of %1</source>
            <translation>修改 %1 的密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/staff_dialog.py" line="68" />
            <source>Staff</source>
            <translation>店员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/staff_dialog.py" line="69" />
            <source>Owner</source>
            <translation>店主</translation>
        </message>
        <message>
            <location filename="../../desktop/views/staff_dialog.py" line="83" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/staff_dialog.py" line="84" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../desktop/views/staff_dialog.py" line="85" />
            <source>PIN (4 to 8 digits)</source>
            <translation>密码（4–8 位数字）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/staff_dialog.py" line="86" />
            <source>PIN again</source>
            <translation>再输一次密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/staff_dialog.py" line="95" />
            <source>The two PINs do not match. Type them again.</source>
            <translation>两次输入的密码不一样，请重新输入。</translation>
        </message>
    </context>
    <context>
        <name>StaffSection</name>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="74" />
            <source>Add staff…</source>
            <translation>添加店员…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="76" />
            <source>Change PIN…</source>
            <translation>修改密码…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="78" />
            <source>Deactivate…</source>
            <translation>停用…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="93" />
            <source>Each person signs in with their own PIN, so the log shows who did what. A deactivated account can no longer sign in.</source>
            <translation>每人用自己的密码登录，日志就能看出是谁做的操作。停用的账号不能再登录。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="127" />
            <source>%1 can now sign in with their PIN.</source>
            <translation>%1 现在可以用自己的密码登录了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="138" />
            <source>The PIN of %1 was changed.</source>
            <translation>%1 的密码已修改。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="146" />
            <source>Deactivate staff</source>
            <translation>停用店员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="147" />
            <source>Deactivate %1? They will no longer be able to sign in.</source>
            <translation>要停用 %1 吗？停用后将不能再登录。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="161" />
            <source>%1 was deactivated.</source>
            <translation>%1 已停用。</translation>
        </message>
    </context>
    <context>
        <name>StaffTable</name>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="42" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="42" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="57" />
            <source>Owner</source>
            <translation>店主</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_staff.py" line="57" />
            <source>Staff</source>
            <translation>店员</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="../../desktop/views/startup.py" line="22" />
            <source>Cannot open the shop database</source>
            <translation>无法打开店铺数据</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="24" />
            <source>The shop database is in use by another program. Another Merchant Desk may already be open on this computer: switch to that window, or close it and start again.</source>
            <translation>店铺数据正被另一个程序使用。这台电脑上可能已经打开了一个商盟柜台：请切换到那个窗口，或者关掉它后再重新打开。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="30" />
            <source>Merchant Desk is not allowed to write to the shop database or its folder. Check the permissions, or move the file to a folder you can write to.</source>
            <translation>商盟柜台没有权限写入店铺数据文件或其所在文件夹。请检查权限，或把文件移到可以写入的文件夹。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="35" />
            <source>The shop database file is damaged. It has not been changed. Restore the latest backup, or ask for help, before starting again.</source>
            <translation>店铺数据文件已损坏，程序没有改动它。请先恢复最近的备份，或联系技术支持，然后再打开。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="40" />
            <source>This shop database was made by a newer version of Merchant Desk. Install that version to open it. The file has not been changed.</source>
            <translation>这个店铺数据是新版商盟柜台创建的，请安装新版后再打开。文件没有被改动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="45" />
            <source>The shop database file was not found.</source>
            <translation>找不到店铺数据文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="46" />
            <source>This file is not a Merchant Desk database, or it cannot be opened. It has not been changed.</source>
            <translation>这个文件不是商盟柜台的数据，或者无法打开。文件没有被改动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="53" />
            <source>File: %1</source>
            <translation>文件：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="64" />
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="65" />
            <source>An unexpected error happened. What you were doing may not have been saved; check it and do it again if needed. Merchant Desk keeps running.</source>
            <translation>发生了意外错误，刚才的操作可能没有保存，请检查，必要时重新操作。商盟柜台会继续运行。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="71" />
            <source>The details are in the log file: %1</source>
            <translation>详细信息已写入日志文件：%1</translation>
        </message>
    </context>
    <context>
        <name>Tier</name>
        <message>
            <location filename="../../desktop/views/formatting.py" line="35" />
            <source>Normal</source>
            <translation>普通会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/formatting.py" line="36" />
            <source>Silver</source>
            <translation>银卡会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/formatting.py" line="37" />
            <source>Gold</source>
            <translation>金卡会员</translation>
        </message>
    </context>
    <context>
        <name>VisitsTable</name>
        <message>
            <location filename="../../desktop/views/member_history.py" line="77" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="78" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="79" />
            <source>Points discount</source>
            <translation>积分抵扣</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="80" />
            <source>Paid</source>
            <translation>实付</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="81" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="98" />
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
    </context>
    <context>
        <name>MemberCard</name>
        <message>
            <location filename="../../desktop/views/card_print.py" line="156" />
            <source>%1 member</source>
            <translation>%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/card_print.py" line="164" />
            <source>Card serial: %1</source>
            <translation>卡序号：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/card_print.py" line="171" />
            <source>Valid until: %1</source>
            <translation>有效期至：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/card_print.py" line="178" />
            <source>Show this code at the counter</source>
            <translation>结账时请出示此码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/card_print.py" line="202" />
            <source>The printer could not be started.</source>
            <translation>无法启动打印机。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/card_print.py" line="213" />
            <source>Member card</source>
            <translation>会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/card_print.py" line="243" />
            <source>The image could not be saved to %1.</source>
            <translation>图片无法保存到 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/card_print.py" line="258" />
            <source>Print member card</source>
            <translation>打印会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/card_print.py" line="269" />
            <source>Member card preview</source>
            <translation>会员卡预览</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../desktop/views/messages.py" line="25" />
            <source>Misread: the keyboard layout looks French (AZERTY). Switch the layout or the scanner setting, then scan again.</source>
            <translation>没扫对：键盘布局好像是法语 (AZERTY)。请切换键盘布局或修改扫码枪设置，然后重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="29" />
            <source>Misread: Caps Lock seems to be on. Turn it off and scan again.</source>
            <translation>没扫对：大写锁定 (Caps Lock) 好像开着。请关掉后重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="32" />
            <source>Misread: the input method is in full-width mode. Switch it to half-width or English and scan again.</source>
            <translation>没扫对：输入法是全角模式。请切换到半角或英文后重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="35" />
            <source>Misread: the code was not read completely. Scan again.</source>
            <translation>没扫对：码没有读完整，请重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="37" />
            <source>This is not a member card.</source>
            <translation>这不是会员码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="38" />
            <source>This code was not issued by this shop or its alliance.</source>
            <translation>这个码不是本店或本商盟发的。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="39" />
            <source>Not a valid code: it may have been altered or forged.</source>
            <translation>无效的码：可能被改动或伪造。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="40" />
            <source>This card has expired. Issue a new card from the Members screen.</source>
            <translation>这张会员卡已过期，请在“会员”页面补发新卡。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="41" />
            <source>This card was replaced by a newer one and can no longer be used.</source>
            <translation>这张卡已被新卡替换，不能再使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="42" />
            <source>No such member (the member may have been erased).</source>
            <translation>找不到这位会员（可能已被删除）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="43" />
            <source>That is not a valid mobile number (11 digits starting with 1).</source>
            <translation>手机号不正确（应为 1 开头的 11 位数字）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="44" />
            <source>Please enter a name.</source>
            <translation>请输入姓名。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="46" />
            <source>The member must agree to the membership terms to enrol.</source>
            <translation>会员须同意会员条款才能入会。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="48" />
            <source>The birthday is not a valid date.</source>
            <translation>生日不是有效日期。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="49" />
            <source>Enter an amount greater than zero.</source>
            <translation>请输入大于零的金额。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="50" />
            <source>Enter a number of points of zero or more.</source>
            <translation>积分数不能小于零。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="51" />
            <source>Points can only be redeemed for a member.</source>
            <translation>只有会员才能使用积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="52" />
            <source>Wrong PIN.</source>
            <translation>密码不对。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="53" />
            <source>A PIN is 4 to 8 digits.</source>
            <translation>密码为 4 到 8 位数字。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="54" />
            <source>Another staff member already uses this PIN. Choose another.</source>
            <translation>已有店员在用这个密码，请换一个。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="55" />
            <source>Only the owner can do this.</source>
            <translation>只有店主可以这样做。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="56" />
            <source>No such sale.</source>
            <translation>找不到这笔消费。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="57" />
            <source>These points were already reversed.</source>
            <translation>这些积分已经冲回过了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="58" />
            <source>Please give a reason.</source>
            <translation>请填写原因。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="59" />
            <source>No such staff member.</source>
            <translation>找不到这位店员。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="60" />
            <source>The last owner account cannot be removed.</source>
            <translation>不能删除最后一个店主账号。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="61" />
            <source>Please enter the shop name.</source>
            <translation>请输入店名。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="62" />
            <source>The gold threshold must not be lower than the silver one.</source>
            <translation>金卡门槛不能低于银卡门槛。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="63" />
            <source>The shop has not been set up yet.</source>
            <translation>店铺还没有设置。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="64" />
            <source>This member has had too many cards; enrol again.</source>
            <translation>这位会员补卡次数过多，请重新入会。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="65" />
            <source>This shop has already been set up.</source>
            <translation>店铺已经设置过了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="66" />
            <source>The time zone is not valid.</source>
            <translation>时区不正确。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="67" />
            <source>Choose a role: owner or staff.</source>
            <translation>请选择角色：店主或店员。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="68" />
            <source>Unknown kind of consent.</source>
            <translation>未知的授权类型。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="69" />
            <source>That setting does not exist in this version.</source>
            <translation>此版本没有这项设置。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="70" />
            <source>No such points entry.</source>
            <translation>找不到这条积分记录。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="75" />
            <source>The name is too long (at most %1 characters).</source>
            <translation>名字太长（最多 %1 个字）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="77" />
            <source>A member with this phone number already exists.</source>
            <translation>这个手机号已经是会员了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="79" />
            <source>The amount is too large (at most %1).</source>
            <translation>金额太大（最多 %1）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="82" />
            <source>Not enough points: the balance is %1, %2 needed.</source>
            <translation>积分不够：余额 %1，需要 %2。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="87" />
            <source>The discount would exceed the amount; at most %1 points can be used.</source>
            <translation>抵扣不能超过金额，最多可用 %1 积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="92" />
            <source>%1 points is above the limit of %2 for one sale: the owner's PIN is needed.</source>
            <translation>本次积分 %1 超过单笔上限 %2，需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="97" />
            <source>This sale was already refunded.</source>
            <translation>这笔消费已经退过款了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="99" />
            <source>Enter a non-zero number of points (at most %1).</source>
            <translation>请输入不为零的积分数（最多 %1）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="104" />
            <source>The value of %1 must be between %2 and %3.</source>
            <translation>%1 的值须在 %2 到 %3 之间。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="109" />
            <source>Refused: %1</source>
            <translation>无法完成：%1</translation>
        </message>
    </context>
    <context>
        <name>AuditLog</name>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="38" />
            <source>Shop set up</source>
            <translation>创建店铺</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="39" />
            <source>Shop profile changed</source>
            <translation>修改店铺信息</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="40" />
            <source>Points rule changed</source>
            <translation>修改积分规则</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="41" />
            <source>Staff added</source>
            <translation>添加店员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="42" />
            <source>PIN changed</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="43" />
            <source>Staff deactivated</source>
            <translation>停用店员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="44" />
            <source>Member phone changed</source>
            <translation>修改会员手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="45" />
            <source>Card re-issued</source>
            <translation>补发会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="46" />
            <source>Points adjusted</source>
            <translation>调整积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="47" />
            <source>Large earn approved</source>
            <translation>批准大额积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="48" />
            <source>Sale refunded</source>
            <translation>消费退款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="49" />
            <source>Setting changed</source>
            <translation>修改设置</translation>
        </message>
    </context>
</TS>
