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
        <name>AllianceCampaignsView</name>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="95" />
            <source>This shop is not in an alliance, so there are no joint campaigns. Once the owner joins one (Settings → Alliance), the campaigns the alliance runs appear here and the shop can take part.</source>
            <translation>本店没有加入联盟，所以没有联合活动。店主加入联盟后（设置 → 联盟），联盟举办的活动会显示在这里，本店可以报名参加。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="109" />
            <source>Joint campaign</source>
            <translation>联合活动</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="110" />
            <source>Offer</source>
            <translation>优惠</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="111" />
            <source>Dates</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="112" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="113" />
            <source>This shop</source>
            <translation>本店</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="114" />
            <source>Redeemed here</source>
            <translation>本店核销</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="115" />
            <source>Discount given</source>
            <translation>让利金额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="116" />
            <source>Sales with its coupons</source>
            <translation>带券销售额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="117" />
            <source>Conflicts</source>
            <translation>冲突</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="133" />
            <source>Take part</source>
            <translation>报名参加</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="134" />
            <source>Withdraw</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="135" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="136" />
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="264" />
            <source>Sync conflicts…</source>
            <translation>同步冲突…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="191" />
            <source>Campaigns the alliance “%1” runs for all its shops. Shops that take part accept its coupons; the figures are this shop's own part.</source>
            <translation>“%1”为所有成员店举办的活动。参加的店接受其优惠券；数字只是本店的部分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="236" />
            <source>Taking part</source>
            <translation>已参加</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="236" />
            <source>Not taking part</source>
            <translation>未参加</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="262" />
            <source>Sync conflicts (%1 new)…</source>
            <translation>同步冲突（%1 条新的）…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="273" />
            <source>Taking part in a joint campaign needs the owner's PIN.</source>
            <translation>报名参加联合活动需要店主 PIN。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="275" />
            <source>Withdrawing from a joint campaign needs the owner's PIN.</source>
            <translation>退出联合活动需要店主 PIN。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="278" />
            <source>Nothing changed: the owner's PIN was not given.</source>
            <translation>没有更改：未输入店主 PIN。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="281" />
            <source>Asking the alliance…</source>
            <translation>正在询问联盟…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="294" />
            <source>This shop now takes part in “%1”: its coupons are accepted here.</source>
            <translation>本店已参加“%1”：本店接受该活动的优惠券。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_campaigns_view.py" line="296" />
            <source>This shop no longer takes part in “%1”.</source>
            <translation>本店已退出“%1”。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="17" />
            <location filename="../../desktop/views/alliance_messages.py" line="58" />
            <source>“%1” has ended: shops can no longer join or leave it.</source>
            <translation>“%1”已结束：各店不能再报名或退出。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="21" />
            <source>The alliance no longer has this campaign.</source>
            <translation>联盟已没有这个活动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="24" />
            <source>The alliance cannot be reached (no network?). The list is the one from the last sync; try again when the shop is online.</source>
            <translation>连不上联盟（没有网络？）。列表是上次同步时的；联网后再试。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="29" />
            <source>The alliance did not answer in time; try again later.</source>
            <translation>联盟没有及时回应，请稍后再试。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="32" />
            <source>The alliance server is busy; try again later.</source>
            <translation>联盟服务器繁忙，请稍后再试。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="35" />
            <source>The alliance no longer accepts this PC; pair it again (Settings → Alliance).</source>
            <translation>联盟不再接受这台电脑，请重新配对（设置 → 联盟）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="39" />
            <source>This database was restored from a backup; pair it with the alliance again.</source>
            <translation>这个数据库是从备份恢复的，请重新与联盟配对。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="46" />
            <source>The alliance could not be asked (%1).</source>
            <translation>无法询问联盟（%1）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="54" />
            <source>Shops taking part: %1.</source>
            <translation>参加的店：%1 家。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="62" />
            <source>This shop does not take part in “%1”. If its coupons are taken here anyway, the shop bears their discount itself.</source>
            <translation>本店未参加“%1”。如果仍在本店收了它的优惠券，优惠由本店自行承担。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="68" />
            <source>This shop takes part in “%1”; its figures are on the way.</source>
            <translation>本店已参加“%1”，数字正在获取。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="73" />
            <source>This shop's part of “%1”: %2 coupons redeemed here, %3 discount given, %4 of sales with its coupons.</source>
            <translation>本店在“%1”中的部分：本店核销 %2 张优惠券，让利 %3，带券销售额 %4。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_messages.py" line="84" />
            <source>%1 of its coupons were used here after another shop had used them (see Sync conflicts).</source>
            <translation>其中 %1 张优惠券在其他店已使用后又在本店使用（见同步冲突）。</translation>
        </message>
    </context>
    <context>
        <name>AllianceCouponTexts</name>
        <message>
            <location filename="../../desktop/views/alliance_coupon_texts.py" line="15" />
            <source>alliance shop no. %1</source>
            <translation>联盟第 %1 号店</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_coupon_texts.py" line="24" />
            <source>This shop does not take part in the joint campaign “%1”, so its coupons cannot be used here. The owner can join it under Campaigns → Joint campaigns.</source>
            <translation>本店没有参加联盟活动“%1”，所以不能在这里使用它的优惠券。店主可以在“营销 → 联合活动（联盟）”里报名参加。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_coupon_texts.py" line="30" />
            <source>The joint campaign “%1” is not running now: its coupons cannot be used.</source>
            <translation>联盟活动“%1”现在没有进行，它的优惠券不能使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_coupon_texts.py" line="35" />
            <source>Offline: alliance coupons worth more than %1 need a connection. Connect (or wait for the next sync) to use it.</source>
            <translation>离线中：面值超过 %1 的联盟优惠券需要联网才能使用。请联网（或等下一次同步）后再用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_coupon_texts.py" line="41" />
            <source>This alliance coupon's campaign is not known here yet: sync with the alliance, then scan it again.</source>
            <translation>本店还不知道这张联盟优惠券所属的活动：请先与联盟同步，再扫一次。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_coupon_texts.py" line="46" />
            <source>Offline: this joint campaign's coupons can only be used with a connection. Connect (or wait for the next sync) to use it.</source>
            <translation>离线中：这个联盟活动的优惠券只能在联网时使用。请联网（或等下一次同步）后再用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_coupon_texts.py" line="51" />
            <source>This alliance coupon cannot be used at this shop.</source>
            <translation>这张联盟优惠券不能在本店使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_coupon_texts.py" line="54" />
            <source>This coupon belongs to an alliance member this shop does not know yet: sync, then scan it again.</source>
            <translation>这张优惠券属于本店还不认识的联盟会员：请先同步，再扫一次。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/alliance_coupon_texts.py" line="59" />
            <source>This is a joint campaign of the alliance: only the alliance issues, changes or voids its coupons.</source>
            <translation>这是联盟的联合活动：只有联盟能发放、修改或作废它的优惠券。</translation>
        </message>
    </context>
    <context>
        <name>AlliancePage</name>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="429" />
            <source>Shop alliance (optional)</source>
            <translation>商家联盟（可选）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="431" />
            <source>In an alliance, nearby shops honour each other's member cards and coupons.</source>
            <translation>加入联盟后，附近的联盟商家互认会员卡和优惠券。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="435" />
            <source>To join, you need the alliance server's address and an invitation code from the alliance's organiser. Without a code, nothing is sent anywhere.</source>
            <translation>加入商盟需要商盟组织者提供的服务器地址和邀请码。不填邀请码，就不会向任何地方发送任何内容。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="441" />
            <source>Your shop starts on its own. With the invitation code too, it joins the alliance as soon as it is created; or the owner joins later in Settings → Alliance.</source>
            <translation>本店先独立开始使用。如果也填了邀请码，本店创建后会立即加入商盟；也可以由店主稍后在“设置 → 商盟”中加入。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="446" />
            <source>Alliance server</source>
            <translation>联盟服务器</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="446" />
            <source>Invitation code</source>
            <translation>邀请码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="449" />
            <source>Optional: if the organiser already gave you the server address, type it here and it is kept for joining. Leave the code empty to join later.</source>
            <translation>可选：如果组织者已经给了您服务器地址，请在这里输入，它会被保存下来用于加入。邀请码留空则稍后再加入。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="461" />
            <source>That is not a server address. Type it as the organiser gave it, such as alliance.example.cn, or leave it empty.</source>
            <translation>这不是服务器地址。请按组织者给的原样填写，例如 alliance.example.cn，或者留空。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="468" />
            <source>Type the alliance server's address too, or leave the code empty.</source>
            <translation>请同时输入商盟服务器地址，或将邀请码留空。</translation>
        </message>
        <message>
            <source>To join, you need the alliance server's address and an invitation code from the alliance's organiser. Nothing is sent anywhere while the shop is set up.</source>
            <translation type="vanished">加入联盟需要联盟服务器地址和联盟组织者给的邀请码。设置店铺期间不会向任何地方发送数据。</translation>
        </message>
        <message>
            <source>Your shop starts on its own. The owner joins later with the invitation code (merchant-desk pair, see the README).</source>
            <translation type="vanished">店铺先独立运行。之后由店主用邀请码加入联盟（merchant-desk pair，见说明文档 README）。</translation>
        </message>
        <message>
            <source>Optional: if the organiser already gave you the server address, type it here and it is kept for joining. The invitation code is asked for then.</source>
            <translation type="vanished">可不填：如果组织者已经给了服务器地址，可以填在这里，留到加入时使用。邀请码到时再填。</translation>
        </message>
        <message>
            <source>To join, you need the alliance server's address and an invitation code from the alliance's organiser. This version of Merchant Desk cannot connect to an alliance yet: nothing is sent anywhere now.</source>
            <translation type="vanished">加入联盟需要联盟服务器地址和联盟组织者给的邀请码。这个版本的商盟柜台还不能连接联盟：现在不会向任何地方发送数据。</translation>
        </message>
        <message>
            <source>Your shop starts on its own and joins later, from Settings.</source>
            <translation type="vanished">店铺先独立使用，以后在“设置”里加入联盟。</translation>
        </message>
    </context>
    <context>
        <name>AllianceSection</name>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="85" />
            <source>Joined %1 as %2.</source>
            <translation>已以“%2”的身份加入%1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="109" />
            <source>only for a private server</source>
            <translation>仅用于私有服务器</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="110" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="116" />
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="122" />
            <source>Join an alliance</source>
            <translation>加入商盟</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="125" />
            <source>Alliance server</source>
            <translation>商盟服务器</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="126" />
            <source>Invitation code</source>
            <translation>邀请码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="127" />
            <source>Certificate file (optional)</source>
            <translation>证书文件（可选）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="134" />
            <source>This shop's alliance</source>
            <translation>本店所在商盟</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="137" />
            <source>Alliance</source>
            <translation>商盟</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="138" />
            <source>Shop name in the alliance</source>
            <translation>在商盟中的店名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="139" />
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="140" />
            <source>This PC's device id</source>
            <translation>本机设备编号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="141" />
            <source>Last good sync</source>
            <translation>上次成功同步</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="142" />
            <source>Waiting to be sent</source>
            <translation>待发送</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="143" />
            <source>Last problem</source>
            <translation>最近的问题</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="151" />
            <source>Sync now</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="154" />
            <source>Join again with a new code</source>
            <translation>用新的邀请码重新加入</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="210" />
            <source>Joining again makes this PC a new device of the alliance (for a PC restored from a backup, or after the organiser removed it). Records not yet sent are kept and sent under the new device.</source>
            <translation>重新加入后，这台电脑会成为商盟中的一台新设备（适用于从备份恢复的电脑，或被组织者移除之后）。尚未发送的记录会保留，并以新设备发送。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="218" />
            <source>Type the server address and the invitation code the organiser gave you. Members who agreed to share with the alliance are then shared.</source>
            <translation>请输入组织者给您的服务器地址和邀请码。加入后，同意与商盟共享的会员将被共享。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="234" />
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="238" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="260" />
            <source>Type the server address the organiser gave you, such as %1.</source>
            <translation>请输入组织者给您的服务器地址，例如 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="269" />
            <source>Type the invitation code.</source>
            <translation>请输入邀请码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="273" />
            <source>Joining…</source>
            <translation>正在加入…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="324" />
            <source>Certificate file</source>
            <translation>证书文件</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_alliance.py" line="324" />
            <source>Certificates (*.pem *.crt *.cer)</source>
            <translation>证书 (*.pem *.crt *.cer)</translation>
        </message>
    </context>
    <context>
        <name>AuditSection</name>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="168" />
            <source>Verify log</source>
            <translation>校验日志</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="176" />
            <source>Sensitive actions are recorded here. Each record is chained to the one before, so a changed or deleted record shows up when the log is verified.</source>
            <translation>重要操作都记录在这里。每条记录都与上一条环环相扣，记录一旦被改动或删除，校验日志时就能发现。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="200" />
            <source>The log is intact: %1 records checked.</source>
            <translation>日志完好：已校验 %1 条记录。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="206" />
            <source>The log has been altered: record No. %1 does not match the chain.</source>
            <translation>日志已被改动：编号 %1 的记录与前面的记录对不上。</translation>
        </message>
    </context>
    <context>
        <name>AuditTable</name>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="137" />
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="137" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="137" />
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="137" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="138" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
    </context>
    <context>
        <name>BackupPage</name>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="324" />
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="332" />
            <source>B&amp;rowse…</source>
            <translation>浏览(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="334" />
            <source>Backups go to this folder. You can choose another later in Settings.</source>
            <translation>备份保存在这个文件夹。以后可以在“设置”里换一个。</translation>
        </message>
    </context>
    <context>
        <name>BackupSection</name>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="81" />
            <source>Choose folder…</source>
            <translation>选择文件夹…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="86" />
            <source>Encrypt backups with a passphrase</source>
            <translation>用密码加密备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="97" />
            <source>Save encryption</source>
            <translation>保存加密设置</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="103" />
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="107" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="119" />
            <source>Made</source>
            <translation>备份时间</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="120" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="121" />
            <source>Members</source>
            <translation>会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="122" />
            <source>Sales</source>
            <translation>消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="123" />
            <source>Encrypted</source>
            <translation>已加密</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="124" />
            <source>Checked</source>
            <translation>已校验</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="132" />
            <source>Restore a backup…</source>
            <translation>恢复备份…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="138" />
            <source>Where backups go</source>
            <translation>备份位置</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="146" />
            <source>Encryption</source>
            <translation>加密</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="149" />
            <source>Passphrase</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="150" />
            <source>Passphrase again</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="153" />
            <source>Write the passphrase down and keep it somewhere safe: without it nobody, not even support, can restore an encrypted backup. Merchant Desk does not keep it; daily backups still run on their own.</source>
            <translation>请把密码写下来并妥善保管：没有它，任何人（包括客服）都无法恢复加密的备份。商盟柜台不会保存密码；每日备份仍会自动进行。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="166" />
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="193" />
            <location filename="../../desktop/views/first_run_pages.py" line="354" />
            <source>Backups are on the same disk as the shop database, so a broken disk loses both. Choose a USB stick or a second disk.</source>
            <translation>备份与店铺数据库在同一块硬盘上，硬盘坏了会一起丢失。请选择 U 盘或另一块硬盘。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="201" />
            <location filename="../../desktop/views/first_run_pages.py" line="326" />
            <source>Kept: 7 daily, 4 weekly and 12 monthly backups. A backup runs every day and when Merchant Desk closes, if the last is a day old.</source>
            <translation>保留：7 个每日、4 个每周和 12 个每月备份。每天自动备份一次；关闭商盟柜台时，如上次备份已超过一天也会备份。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="210" />
            <source>type a new one to change it</source>
            <translation>输入新密码即可更改</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="215" />
            <source>Encryption is on (key %1).</source>
            <translation>已开启加密（密钥 %1）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="217" />
            <source>Backups are not encrypted.</source>
            <translation>备份未加密。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="230" />
            <source>No backup has been made yet.</source>
            <translation>还没有做过备份。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="236" />
            <source>Last backup: %1, checked and good (%2).</source>
            <translation>上次备份：%1，已校验无误（%2）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="244" />
            <source>The backup of %1 failed: %2 Last good backup: %3.</source>
            <translation>%1 的备份失败：%2 上次成功的备份：%3。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="265" />
            <location filename="../../desktop/views/backup_section.py" line="268" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="265" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="266" />
            <source>damaged</source>
            <translation>已损坏</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="268" />
            <source>not recorded</source>
            <translation>未记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="278" />
            <location filename="../../desktop/views/first_run_pages.py" line="342" />
            <source>Choose the backup folder</source>
            <translation>选择备份文件夹</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="299" />
            <source>at least %1 characters</source>
            <translation>至少 %1 个字符</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="318" />
            <source>Saved. The next backups are encrypted.</source>
            <translation>已保存。之后的备份将加密。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="320" />
            <source>Saved. The next backups are not encrypted.</source>
            <translation>已保存。之后的备份不加密。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_section.py" line="342" />
            <source>Backing up… the counter keeps working.</source>
            <translation>正在备份…收银台照常可用。</translation>
        </message>
    </context>
    <context>
        <name>Backups</name>
        <message>
            <location filename="../../desktop/views/backup_worker.py" line="67" />
            <source>Backup made and checked: %1</source>
            <translation>备份完成并已校验：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_worker.py" line="71" />
            <source>Backup cancelled.</source>
            <translation>备份已取消。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_worker.py" line="74" />
            <source>The backup failed: %1</source>
            <translation>备份失败：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_worker.py" line="192" />
            <source>Backing up before closing…</source>
            <translation>关闭前正在备份…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_worker.py" line="193" />
            <source>Skip this time</source>
            <translation>这次跳过</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="27" />
            <source>The backup folder is not there: %1. Is the USB stick or disk plugged in?</source>
            <translation>找不到备份文件夹：%1。U 盘或硬盘插好了吗？</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="29" />
            <source>Merchant Desk may not write to the backup folder: %1.</source>
            <translation>商盟柜台无权写入备份文件夹：%1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="30" />
            <source>The disk is full: %1. Make room or choose another folder.</source>
            <translation>磁盘已满：%1。请清理空间或选择其他文件夹。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="31" />
            <source>Writing the backup failed: %1</source>
            <translation>写入备份失败：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="33" />
            <source>The shop database failed its check, so no backup was made and the earlier backups were kept. Restore the latest good backup or ask for help.</source>
            <translation>店铺数据库未通过检查，因此没有备份，之前的备份都已保留。请恢复最近一次完好的备份，或寻求帮助。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="36" />
            <source>The shop database file was not found.</source>
            <translation>找不到店铺数据库文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="37" />
            <source>The shop database could not be copied: %1</source>
            <translation>无法复制店铺数据库：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="38" />
            <source>A backup is already running. Try again in a moment.</source>
            <translation>已有备份在进行中，请稍后再试。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="39" />
            <source>The backup file is not there any more.</source>
            <translation>备份文件已不存在。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="40" />
            <source>This is not a Merchant Desk backup file.</source>
            <translation>这不是商盟柜台的备份文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="42" />
            <source>This backup file is damaged or has been changed. It cannot be restored; choose an earlier one.</source>
            <translation>此备份文件已损坏或被改动，无法恢复；请选择更早的备份。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="45" />
            <source>The backup file cannot be read: %1</source>
            <translation>无法读取备份文件：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="47" />
            <source>This backup file was written by a newer Merchant Desk. Install that version.</source>
            <translation>此备份文件由更新版本的商盟柜台生成，请安装该版本。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="50" />
            <source>This backup was made by a newer version of Merchant Desk (database version %1; this version knows up to %2). Install the newer version to restore it.</source>
            <translation>此备份由更新版本的商盟柜台生成（数据库版本 %1；本版本最高支持 %2）。请安装新版本后再恢复。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="53" />
            <source>This backup is encrypted: enter its passphrase.</source>
            <translation>此备份已加密：请输入密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="54" />
            <source>The passphrase is wrong for this backup.</source>
            <translation>此备份的密码不正确。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="55" />
            <source>The passphrase must be at least %1 characters long.</source>
            <translation>密码至少需要 %1 个字符。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="56" />
            <source>The two passphrases are not the same.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="57" />
            <source>The shop database is still in use. Close other programs.</source>
            <translation>店铺数据库仍在使用中，请关闭其他程序。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="58" />
            <source>Only the owner can do this. The attempt was recorded.</source>
            <translation>只有店主可以执行此操作。本次尝试已记录。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="59" />
            <source>Wrong PIN. The attempt was recorded.</source>
            <translation>PIN 错误。本次尝试已记录。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="63" />
            <source>Something went wrong (%1).</source>
            <translation>出错了（%1）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="79" />
            <source>Copying the database…</source>
            <translation>正在复制数据库…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="80" />
            <source>Checking the copy…</source>
            <translation>正在检查副本…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="81" />
            <source>Writing the backup file…</source>
            <translation>正在写入备份文件…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="82" />
            <source>Reading the backup back to check it…</source>
            <translation>正在回读备份进行校验…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="83" />
            <source>Reading and checking the backup…</source>
            <translation>正在读取并校验备份…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="84" />
            <source>Looking for the latest good backup…</source>
            <translation>正在查找最近一次完好的备份…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="85" />
            <source>Working…</source>
            <translation>处理中…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="90" />
            <source>%1 GB</source>
            <translation>%1 GB</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="92" />
            <source>%1 MB</source>
            <translation>%1 MB</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="93" />
            <source>%1 KB</source>
            <translation>%1 KB</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="104" />
            <source>%1 members</source>
            <translation>%1 位会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="105" />
            <source>%1 sales</source>
            <translation>%1 笔消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="106" />
            <source>%1 check-ins</source>
            <translation>%1 次签到</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="107" />
            <source>%1 coupons</source>
            <translation>%1 张优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="108" />
            <source>%1 points entries</source>
            <translation>%1 条积分记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/backup_texts.py" line="109" />
            <source>%1 staff</source>
            <translation>%1 名店员</translation>
        </message>
    </context>
    <context>
        <name>CampaignActions</name>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="34" />
            <source>Every member sale</source>
            <translation>会员每笔消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="36" />
            <source>By hand</source>
            <translation>手动发放</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="37" />
            <source>Welcome</source>
            <translation>新会员欢迎</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="38" />
            <source>Birthday month</source>
            <translation>生日月</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="39" />
            <source>Win-back</source>
            <translation>老客召回</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="40" />
            <source>Stamp card</source>
            <translation>集章</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="41" />
            <source>Big sale</source>
            <translation>单笔满额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="49" />
            <source>End campaign</source>
            <translation>结束活动</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="50" />
            <source>End “%1”? Its coupons can no longer be issued or used, and it cannot be started again.</source>
            <translation>结束“%1”？结束后不能再发券或用券，也不能重新开始。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="58" />
            <source>End it</source>
            <translation>结束</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="67" />
            <source>Sending coupons needs the owner's PIN.</source>
            <translation>发券需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="79" />
            <source>%1 coupons of “%2” issued, %3 members held out, %4 skipped.</source>
            <translation>“%2”已发 %1 张券，对照组 %3 人，跳过 %4 人。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="86" />
            <source>Stopped: %1 Those already issued stay issued.</source>
            <translation>已停止：%1 已发出的券仍然有效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="95" />
            <source>Print bearer coupons</source>
            <translation>打印不记名券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="97" />
            <source>How many coupons of “%1” to issue and print? Anyone holding one may use it.</source>
            <translation>要发放并打印多少张“%1”？持券人即可使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="105" />
            <source>Issue and print</source>
            <translation>发放并打印</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="116" />
            <source>Printing coupons needs the owner's PIN.</source>
            <translation>打印券需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="132" />
            <source>Batch %1: %2 coupons of “%3” issued (%4 – %5).</source>
            <translation>第 %1 批：已发放 %2 张“%3”（%4 – %5）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="149" />
            <source>Voiding coupons needs the owner's PIN.</source>
            <translation>作废券需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="156" />
            <source>Batch %1: %2 coupons voided (used ones stay used).</source>
            <translation>第 %1 批：已作废 %2 张（已使用的保持已用）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_actions.py" line="163" />
            <source>Coupon %1 voided.</source>
            <translation>优惠券 %1 已作废。</translation>
        </message>
    </context>
    <context>
        <name>CampaignDetails</name>
        <message>
            <location filename="../../desktop/views/campaign_details.py" line="54" />
            <source>Results so far</source>
            <translation>目前效果</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_details.py" line="67" />
            <source>Choose a campaign to see its coupon.</source>
            <translation>选择一个活动，查看它的券样。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_details.py" line="85" />
            <source>Every member sale earns points %1 while it runs.</source>
            <translation>活动期间，会员每笔消费积分%1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_details.py" line="97" />
            <source>Issued: %1 · at most %2 per member</source>
            <translation>发放方式：%1 · 每位会员最多 %2 张</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_details.py" line="106" />
            <source>Held out to measure uplift: %1%</source>
            <translation>对照组（不发券，用于衡量效果）：%1%</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_details.py" line="109" />
            <source>Whole alliance</source>
            <translation>商盟通用</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_details.py" line="111" />
            <source>This shop only</source>
            <translation>仅限本店</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_details.py" line="112" />
            <source>Needs the network to be used</source>
            <translation>需联网才能核销</translation>
        </message>
    </context>
    <context>
        <name>CampaignEditor</name>
        <message>
            <location filename="../../desktop/views/campaign_editor.py" line="68" />
            <source>Edit campaign</source>
            <translation>编辑活动</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_editor.py" line="68" />
            <source>New campaign</source>
            <translation>新建活动</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_editor.py" line="92" />
            <source>The printed coupon</source>
            <translation>打印出来的券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_editor.py" line="107" />
            <source>Save (Ctrl+S)</source>
            <translation>保存 (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_editor.py" line="108" />
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_editor.py" line="133" />
            <source>Not a coupon: while it runs, every member sale earns points %1 (tier multipliers still apply).</source>
            <translation>这不是券：活动期间，会员每笔消费积分%1（会员等级倍数照常计算）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_editor.py" line="141" />
            <source>The code and serial are made when a coupon is issued.</source>
            <translation>二维码和券号在发券时生成。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_editor.py" line="158" />
            <source>valid %1 days from issue</source>
            <translation>发券后 %1 天内有效</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_editor.py" line="169" />
            <source>%1 · %2 · issued: %3</source>
            <translation>%1 · %2 · 发放：%3</translation>
        </message>
    </context>
    <context>
        <name>CampaignForm</name>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="67" />
            <source>0 = no cap</source>
            <translation>0 = 不封顶</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="78" />
            <source>Fixed dates</source>
            <translation>固定日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="80" />
            <source>Days from issue</source>
            <translation>发券后天数</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="88" />
            <source>No limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="92" />
            <source>This shop</source>
            <translation>本店</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="93" />
            <source>The whole alliance</source>
            <translation>整个商盟</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="95" />
            <source>Can be used while offline</source>
            <translation>断网时也可核销</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="103" />
            <source>Small print on the coupon</source>
            <translation>印在券上的使用说明</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="127" />
            <source>days without a visit</source>
            <translation>天未到店</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="128" />
            <source>visits per coupon</source>
            <translation>次到店送一张</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="129" />
            <source>¥ or more in one sale</source>
            <translation>元及以上（单笔）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="153" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="154" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="156" />
            <source>Percent off</source>
            <translation>折扣</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="157" />
            <source>At most (¥)</source>
            <translation>最多减（元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="158" />
            <source>Gift</source>
            <translation>赠品</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="159" />
            <source>Points multiplier</source>
            <translation>积分倍数</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="165" />
            <source>Valid</source>
            <translation>有效期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="167" />
            <source>Quota</source>
            <translation>发放总量</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="168" />
            <source>Per member</source>
            <translation>每人限领</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="169" />
            <source>Scope</source>
            <translation>适用范围</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="170" />
            <source>Held out</source>
            <translation>对照组</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="171" />
            <source>Terms</source>
            <translation>使用说明</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="172" />
            <source>Automatic</source>
            <translation>自动发放</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="217" />
            <source>Save (¥)</source>
            <translation>减（元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="217" />
            <source>Amount off (¥)</source>
            <translation>立减（元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="218" />
            <source>When the bill is at least (¥)</source>
            <translation>满（元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_form.py" line="220" />
            <source>Least bill (¥)</source>
            <translation>最低消费（元）</translation>
        </message>
    </context>
    <context>
        <name>CampaignsTable</name>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="77" />
            <source>Campaign</source>
            <translation>活动</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="78" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="79" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="80" />
            <source>Issued by</source>
            <translation>发放方式</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="81" />
            <source>Issued</source>
            <translation>已发</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="82" />
            <source>Redeemed</source>
            <translation>已核销</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="83" />
            <source>Redemption rate</source>
            <translation>核销率</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="84" />
            <source>Held out</source>
            <translation>对照组</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="85" />
            <source>Quota</source>
            <translation>总量</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="115" />
            <source>No limit</source>
            <translation>不限</translation>
        </message>
    </context>
    <context>
        <name>CampaignsView</name>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="145" />
            <source>Campaigns and coupons</source>
            <translation>营销活动与优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="149" />
            <source>Running and paused</source>
            <translation>进行中和已暂停</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="150" />
            <source>All, with ended ones</source>
            <translation>全部（含已结束）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="170" />
            <source>New campaign (Ctrl+N)</source>
            <translation>新建活动 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="171" />
            <source>Edit (Enter)</source>
            <translation>编辑 (Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="172" />
            <location filename="../../desktop/views/campaigns_view.py" line="260" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="173" />
            <source>End</source>
            <translation>结束</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="174" />
            <source>Send to members… (Ctrl+I)</source>
            <translation>发给会员… (Ctrl+I)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="175" />
            <source>Print coupons… (Ctrl+P)</source>
            <translation>打印券… (Ctrl+P)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="176" />
            <source>Void a coupon…</source>
            <translation>作废券…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="205" />
            <source>This shop's campaigns</source>
            <translation>本店活动</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="206" />
            <source>Joint campaigns (alliance)</source>
            <translation>联合活动（联盟）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="260" />
            <source>Resume</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="284" />
            <source>Nothing changed: the owner's PIN was not given.</source>
            <translation>未做任何更改：没有输入店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="286" />
            <source>Owner: %1</source>
            <translation>店主：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="311" />
            <source>Creating a campaign needs the owner's PIN.</source>
            <translation>新建活动需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="323" />
            <source>Campaign “%1” created.</source>
            <translation>活动“%1”已创建。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="329" />
            <location filename="../../desktop/views/campaigns_view.py" line="354" />
            <source>Changing a campaign needs the owner's PIN.</source>
            <translation>修改活动需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="345" />
            <source>Campaign “%1” saved. Coupons already issued keep their own terms.</source>
            <translation>活动“%1”已保存。已发出的券仍按原来的条件使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="370" />
            <source>“%1” runs again.</source>
            <translation>“%1”已恢复。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="373" />
            <source>“%1” is paused: its coupons cannot be used until resumed.</source>
            <translation>“%1”已暂停：恢复之前，它的券不能使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaigns_view.py" line="381" />
            <source>“%1” has ended.</source>
            <translation>“%1”已结束。</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="46" />
            <location filename="../../desktop/views/conflicts_view.py" line="74" />
            <source>Found at sync</source>
            <translation>同步时发现</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="49" />
            <source>What the alliance settled differently</source>
            <translation>联盟另行结算的事项</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="53" />
            <source>Sales made while this counter was offline always stand. When the alliance found that something did not add up (a coupon used at two shops, points spent twice), it settled it as below. Nothing needs undoing at the counter.</source>
            <translation>收银台离线时做的销售始终有效。联盟发现对不上的地方（一张优惠券在两家店使用、积分被重复使用）时，按下面的方式结算。收银台无需撤销任何操作。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="73" />
            <source>Happened</source>
            <translation>发生时间</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="75" />
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="76" />
            <source>What it means for the shop</source>
            <translation>对本店的影响</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="90" />
            <source>Show older</source>
            <translation>显示更早的</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="93" />
            <source>Mark all as read</source>
            <translation>全部标为已读</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="96" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="126" />
            <source>%1 in all, %2 new</source>
            <translation>共 %1 条，%2 条新的</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="136" />
            <source>Nothing to show: everything this counter did was settled as recorded.</source>
            <translation>没有需要显示的：本收银台的所有操作都已按记录结算。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="138" />
            <source>This shop is not in an alliance, so nothing is synced.</source>
            <translation>本店没有加入联盟，不进行同步。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflicts_view.py" line="148" />
            <source>New: %1</source>
            <translation>新：%1</translation>
        </message>
    </context>
    <context>
        <name>CounterCoupons</name>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="70" />
            <source>F2 applies it · Esc removes it</source>
            <translation>F2 收款时使用 · Esc 取消</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="83" />
            <source>Coupon: %1</source>
            <translation>优惠券：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="100" />
            <source>until %1</source>
            <translation>有效至 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="102" />
            <source>bearer coupon (anyone may use it)</source>
            <translation>不记名券（持券即可用）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="105" />
            <source>for %1 only</source>
            <translation>仅限 %1 使用</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="106" />
            <source>one member</source>
            <translation>指定会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="147" />
            <source>Coupon ready: F2 records the sale with it.</source>
            <translation>优惠券已就绪：按 F2 收款时使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="164" />
            <source>Scan the member card first to see their coupons.</source>
            <translation>请先扫会员卡，再查看会员的优惠券。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="169" />
            <source>%1 has no coupon to use today.</source>
            <translation>%1 今天没有可用的优惠券。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="210" />
            <source>%1 just got a coupon: %2.</source>
            <translation>%1 刚获得一张优惠券：%2。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_coupons.py" line="212" />
            <source>%1 just got %2 coupons: %3.</source>
            <translation>%1 刚获得 %2 张优惠券：%3。</translation>
        </message>
    </context>
    <context>
        <name>CounterView</name>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="26" />
            <source> Coupon used: %1 off.</source>
            <translation> 已用券：减 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="28" />
            <source> Coupon used: hand over the gift.</source>
            <translation> 已用券：请交付赠品。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="33" />
            <source>Sale %1 recorded (no member), paid %2.</source>
            <translation>已记录消费 %1（非会员），实收 %2。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="38" />
            <source>Sale %1 recorded (no member).</source>
            <translation>已收款 %1（非会员）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="42" />
            <source>Sale %1 recorded: %2 points redeemed (%3 off, paid %4), +%5 points, balance %6</source>
            <translation>已收款 %1：用 %2 积分抵 %3，实付 %4，积分 +%5，余额 %6</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="55" />
            <source>Sale %1 recorded: paid %2, +%3 points, balance %4.</source>
            <translation>已记录消费 %1：实收 %2，积分 +%3，余额 %4。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="63" />
            <source>Sale %1 recorded: +%2 points, balance %3</source>
            <translation>已收款 %1：积分 +%2，余额 %3</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="74" />
            <source>Already checked in today: this visit is recorded, but not rewarded. Balance %1.</source>
            <translation>今天已经签到过：本次到店已记录，不再送积分。余额 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="80" />
            <source>Check-in recorded: +%1 points, balance %2.</source>
            <translation>签到成功：积分 +%1，余额 %2。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="84" />
            <source>Check-in recorded. Balance %1.</source>
            <translation>签到成功。余额 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="90" />
            <source>Sale %1 refunded.</source>
            <translation>已退款 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="93" />
            <source>Sale %1 refunded: %2 points taken back, %3 points returned, balance %4.</source>
            <translation>已退款 %1：扣回 %2 积分，退还 %3 积分，余额 %4。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_texts.py" line="103" />
            <source>Its coupon can be used again.</source>
            <translation>所用的券已退回，可以再次使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="80" />
            <source>Scan a member card or a coupon, or type a phone number</source>
            <translation>扫会员卡或优惠券，或输入手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="86" />
            <source>Scan a card or a coupon · or type the last 4 digits or all 11 digits of the phone number, then Enter · Esc clears</source>
            <translation>扫会员卡或优惠券 · 或输入手机号后 4 位或完整 11 位，按 Enter · Esc 清除</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="143" />
            <source>Sale</source>
            <translation>收款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="144" />
            <source>Redeem points</source>
            <translation>积分抵扣</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="145" />
            <source>Check-in</source>
            <translation>签到</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="146" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="147" />
            <source>Coupons</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="148" />
            <source>Give coupon</source>
            <translation>送券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="149" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="227" />
            <source>Type the last 4 digits or all 11 digits of the phone number, or scan the member card.</source>
            <translation>请输入手机号后 4 位或完整 11 位，或者扫会员码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="263" />
            <source>No member's phone number ends in %1.</source>
            <translation>没有手机尾号为 %1 的会员。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="265" />
            <source>No member has the phone number %1.</source>
            <translation>没有手机号为 %1 的会员。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="278" />
            <source>%1    %2    %3    %4 points</source>
            <translation>%1    %2    %3    %4 积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="289" />
            <source>More than %1 members match: choose with ↑ ↓ and Enter, or type the full phone number to narrow it down.</source>
            <translation>超过 %1 位会员符合：用 ↑ ↓ 和回车选择，或输入完整手机号缩小范围。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="293" />
            <source>%1 members match: choose with ↑ ↓ and Enter.</source>
            <translation>找到 %1 位会员：用 ↑ ↓ 选择，按回车确认。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="318" />
            <source>Scan the member card first to redeem points.</source>
            <translation>请先扫会员码，再用积分抵扣。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="358" />
            <source>Sale not recorded: the owner's PIN was not given.</source>
            <translation>未记账：没有输入店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="373" />
            <source>Scan the member card first to check in.</source>
            <translation>请先扫会员码，再签到。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="400" />
            <source>Refund of the sale of %1 on %2: the owner's PIN is needed.</source>
            <translation>退还 %2 的 %1 消费：需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_view.py" line="406" />
            <source>Refund cancelled: the owner's PIN was not given.</source>
            <translation>已取消退款：没有输入店主密码。</translation>
        </message>
        <message>
            <source>Type the full phone number to narrow it down.</source>
            <translation type="vanished">输入完整手机号可以缩小范围。</translation>
        </message>
        <message>
            <source>Scan the member card, or type a phone number</source>
            <translation type="vanished">扫会员码，或输入手机号</translation>
        </message>
        <message>
            <source>Scan a card · or type the last 4 digits or all 11 digits of the phone number, then Enter · Esc clears</source>
            <translation type="vanished">扫会员码 · 或输入手机号后 4 位 / 完整 11 位后按回车 · Esc 清空</translation>
        </message>
    </context>
    <context>
        <name>CouponCostSection</name>
        <message>
            <location filename="../../desktop/views/settings_costs.py" line="57" />
            <source>Save cost</source>
            <translation>保存成本</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_costs.py" line="64" />
            <source>Printed coupons</source>
            <translation>印刷优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_costs.py" line="66" />
            <source>Cost of one printed coupon</source>
            <translation>每张印刷券的成本</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_costs.py" line="69" />
            <source>Paper, printing and handing out. Used to show what each new member brought in by a flyer campaign cost.</source>
            <translation>纸张、印刷和派发的费用。用于计算传单活动每拉来一位新会员的成本。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_costs.py" line="100" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>CouponText</name>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="30" />
            <source>Amount off</source>
            <translation>立减</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="31" />
            <source>Percent off</source>
            <translation>折扣</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="32" />
            <source>Spend X, save Y</source>
            <translation>满减</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="33" />
            <source>Gift</source>
            <translation>赠品</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="34" />
            <source>Points multiplier</source>
            <translation>积分倍数</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="41" />
            <source>Active</source>
            <translation>进行中</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="42" />
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="43" />
            <source>Ended</source>
            <translation>已结束</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="50" />
            <source>Not used yet</source>
            <translation>未使用</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="51" />
            <source>Used</source>
            <translation>已使用</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="52" />
            <source>Void</source>
            <translation>已作废</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="53" />
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="60" />
            <source>None (issued by hand)</source>
            <translation>无（手动发放）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="61" />
            <source>Welcome (on enrolment)</source>
            <translation>新会员欢迎（入会时）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="62" />
            <source>Birthday month</source>
            <translation>生日月</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="63" />
            <source>Win-back after N days away</source>
            <translation>N 天未到店召回</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="64" />
            <source>Every Nth visit (stamp card)</source>
            <translation>每到店 N 次（集章）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="65" />
            <source>Spend at least X in one sale</source>
            <translation>单笔消费满 X</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="73" />
            <source>Win-back after %1 days away</source>
            <translation>%1 天未到店召回</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="75" />
            <source>Stamp card: a reward every %1 visits</source>
            <translation>集章卡：每到店 %1 次奖励一次</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="79" />
            <source>Sale of %1 or more</source>
            <translation>单笔满 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="81" />
            <source>By hand</source>
            <translation>手动发放</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="94" />
            <source>%1/10 of the price</source>
            <translation>%1折</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="95" />
            <source>%1% off</source>
            <translation>减 %1%</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="110" />
            <source>%1 off</source>
            <translation>立减 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="114" />
            <source>%1, at most %2</source>
            <translation>%1，最多减 %2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="118" />
            <source>Spend %1, save %2</source>
            <translation>满 %1 减 %2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="121" />
            <source>Free gift: %1</source>
            <translation>赠送：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="123" />
            <source>Points %1 on every sale</source>
            <translation>每笔消费积分%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="156" />
            <source>Bill of %1 or more</source>
            <translation>消费满 %1 可用</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="160" />
            <source>Valid %1 to %2</source>
            <translation>有效期 %1 至 %2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="165" />
            <source>Valid for %1 days from issue</source>
            <translation>发券后 %1 天内有效</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_text.py" line="176" />
            <source>until %1</source>
            <translation>有效至 %1</translation>
        </message>
        <message>
            <source>Every %1th visit</source>
            <translation type="vanished">每到店 %1 次</translation>
        </message>
    </context>
    <context>
        <name>CouponVoidDialog</name>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="61" />
            <source>Void coupons</source>
            <translation>作废优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="66" />
            <source>Scan the coupon, or type a batch number</source>
            <translation>扫优惠券，或输入批次号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="70" />
            <location filename="../../desktop/views/coupon_void_dialog.py" line="213" />
            <source>Nothing chosen yet.</source>
            <translation>还没有选择。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="77" />
            <source>Only this coupon</source>
            <translation>只作废这一张</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="83" />
            <source>Why (required), e.g. printed by mistake</source>
            <translation>原因（必填），例如：印错了</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="92" />
            <source>Void</source>
            <translation>作废</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="96" />
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="101" />
            <source>Coupon</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="105" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="171" />
            <source>State: %1 · valid %2 to %3</source>
            <translation>状态：%1 · 有效期 %2 至 %3</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="181" />
            <source>Used on %1 at %2; it stays used.</source>
            <translation>已于 %1 在 %2 使用，保持已用状态。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="184" />
            <source>Bearer coupon</source>
            <translation>不记名券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="184" />
            <source>Bound to a member</source>
            <translation>会员专属券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="196" />
            <source>The whole batch %1: %2 coupons, %3 not used yet</source>
            <translation>整批 %1：共 %2 张，%3 张未使用</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="206" />
            <source>Batch %1 of “%2”: %3 – %4</source>
            <translation>“%2”第 %1 批：%3 – %4</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_void_dialog.py" line="227" />
            <source>Scan the coupon to void first.</source>
            <translation>请先扫要作废的券。</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../desktop/views/crash_dialog.py" line="91" />
            <source>What happened: %1</source>
            <translation>发生了什么：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/crash_dialog.py" line="97" />
            <source>The details are also in the log file: %1</source>
            <translation>详细信息也已写入日志文件：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/crash_dialog.py" line="101" />
            <source>No log file could be written on this computer.</source>
            <translation>这台电脑上无法写入日志文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/crash_dialog.py" line="112" />
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
        <message>
            <location filename="../../desktop/views/crash_dialog.py" line="116" />
            <source>Quit Merchant Desk</source>
            <translation>退出商盟柜台</translation>
        </message>
        <message>
            <location filename="../../desktop/views/crash_dialog.py" line="120" />
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <location filename="../../desktop/views/crash_dialog.py" line="140" />
            <source>Copied.</source>
            <translation>已复制。</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <location filename="../../desktop/views/dashboard_page.py" line="50" />
            <source>Unlock with owner PIN</source>
            <translation>输入店主 PIN 解锁</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_page.py" line="60" />
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_page.py" line="77" />
            <source>The owner's numbers</source>
            <translation>经营数据</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_page.py" line="82" />
            <source>Visits, sales, points, coupons and customer segments, week by week. Only the owner can see them; they lock again when you leave this tab.</source>
            <translation>按周查看到店、销售、积分、优惠券和客户分群。仅店主可见；离开此页后会重新锁定。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_page.py" line="107" />
            <source>Enter the owner's PIN to see the shop's numbers.</source>
            <translation>请输入店主 PIN 查看经营数据。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_page.py" line="110" />
            <source>Still locked.</source>
            <translation>仍处于锁定状态。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_page.py" line="119" />
            <source>Owner: %1</source>
            <translation>店主：%1</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="113" />
            <source>Last 4 weeks</source>
            <translation>最近 4 周</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="114" />
            <source>Last 12 weeks</source>
            <translation>最近 12 周</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="115" />
            <source>Last 52 weeks</source>
            <translation>最近 52 周</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="116" />
            <source>Custom…</source>
            <translation>自定义…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="126" />
            <source>Show</source>
            <translation>查看</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="129" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="131" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="134" />
            <source>The weekly report workbook, or members, points ledger, coupons, check-ins</source>
            <translation>周报工作簿，或会员、积分流水、优惠券、签到记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="148" />
            <source>Period:</source>
            <translation>期间：</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="173" />
            <source>Or click a segment's bar</source>
            <translation>或点击分群的柱条</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="174" />
            <source>Issue coupons to this segment…</source>
            <translation>向该分群发券…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="181" />
            <source>Save as PNG…</source>
            <translation>另存为 PNG…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="190" />
            <source>Visits</source>
            <translation>到店人次</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="191" />
            <location filename="../../desktop/views/dashboard_view.py" line="300" />
            <source>New members</source>
            <translation>新会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="192" />
            <source>Active members / week</source>
            <translation>每周活跃会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="193" />
            <location filename="../../desktop/views/dashboard_view.py" line="305" />
            <source>Member sales</source>
            <translation>会员销售额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="194" />
            <location filename="../../desktop/views/dashboard_view.py" line="305" />
            <source>Average ticket</source>
            <translation>客单价</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="195" />
            <source>Repeat rate (30 days)</source>
            <translation>复购率（30天）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="196" />
            <source>Points liability</source>
            <translation>积分负债</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="197" />
            <source>Coupon redemption</source>
            <translation>优惠券核销率</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="246" />
            <source>Computing the figures…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="262" />
            <source>Could not compute the figures: %1</source>
            <translation>无法计算数据：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="274" />
            <source>Still computing. The first time on a big shop this takes up to a minute; the counter keeps working meanwhile.</source>
            <translation>仍在计算。大店第一次计算可能需要一分钟；期间收银台照常可用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="282" />
            <source>Previous period: %1</source>
            <translation>上一期间：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="288" />
            <source>%1 to %2 · %3 weeks</source>
            <translation>%1 至 %2 · 共 %3 周</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="295" />
            <source>No data in this period</source>
            <translation>本期间没有数据</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="300" />
            <source>Visits per week</source>
            <translation>每周到店人次</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="300" />
            <source>Returning</source>
            <translation>老会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="305" />
            <location filename="../../desktop/views/dashboard_view.py" line="346" />
            <source>Sales</source>
            <translation>销售额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="311" />
            <source>Points issued and redeemed</source>
            <translation>积分发放与兑换</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="312" />
            <location filename="../../desktop/views/dashboard_view.py" line="326" />
            <source>Issued</source>
            <translation>发放</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="312" />
            <location filename="../../desktop/views/dashboard_view.py" line="326" />
            <source>Redeemed</source>
            <translation>核销</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="312" />
            <source>Outstanding</source>
            <translation>未用积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="319" />
            <source>Repeat-purchase rate</source>
            <translation>复购率</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="319" />
            <source>30 days</source>
            <translation>30天</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="319" />
            <source>90 days</source>
            <translation>90天</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="325" />
            <source>Coupon redemption by campaign</source>
            <translation>各活动优惠券核销率</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="326" />
            <source>Redemption rate</source>
            <translation>核销率</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="327" />
            <source>No coupons issued in this period</source>
            <translation>本期间没有发券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="334" />
            <source>Cohort retention</source>
            <translation>会员留存（按入会周）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="335" />
            <source>Weeks since enrolment</source>
            <translation>入会后第几周</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="335" />
            <source>Enrolment week</source>
            <translation>入会周</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="345" />
            <source>RFM segments (365 days to %1)</source>
            <translation>RFM 分群（截至 %1 的 365 天）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="346" />
            <source>Members</source>
            <translation>会员数</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="347" />
            <source>No purchases in the last 365 days</source>
            <translation>近 365 天没有消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="378" />
            <source>Save chart as PNG</source>
            <translation>图表另存为 PNG</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_view.py" line="378" />
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_names.py" line="13" />
            <source>Champions</source>
            <translation>重要价值</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_names.py" line="14" />
            <source>Loyal</source>
            <translation>忠诚客户</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_names.py" line="15" />
            <source>Potential loyalists</source>
            <translation>潜力客户</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_names.py" line="16" />
            <source>New customers</source>
            <translation>新客户</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_names.py" line="17" />
            <source>Need attention</source>
            <translation>需要关注</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_names.py" line="18" />
            <source>At risk</source>
            <translation>流失风险</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_names.py" line="19" />
            <source>Hibernating</source>
            <translation>沉睡客户</translation>
        </message>
        <message>
            <source>Send segment to coupons…</source>
            <translation type="vanished">向该分群发券…</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation type="vanished">正在计算…</translation>
        </message>
        <message>
            <source>Finding the members of the segment…</source>
            <translation type="vanished">正在查找分群会员…</translation>
        </message>
        <message>
            <source>%1 members in the segment</source>
            <translation type="vanished">分群共 %1 位会员</translation>
        </message>
    </context>
    <context>
        <name>EraseDialog</name>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="39" />
            <location filename="../../desktop/views/member_rights_actions.py" line="69" />
            <source>Erase member</source>
            <translation>注销会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="40" />
            <source>Erase %1 for good?</source>
            <translation>确定永久注销 %1？</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="44" />
            <source>Removed: the name, phone number, birthday and note, and notes typed on the member's records. Every consent is withdrawn and the member card stops working at once.</source>
            <translation>将删除：姓名、手机号、生日和备注，以及该会员各项记录上手写的说明。所有授权同意一并撤回，会员卡立即停用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="51" />
            <source>Kept, with no name or phone: points entries, sales, visits and coupons, so the books and reports still add up. Remaining points are not used and lapse when they expire.</source>
            <translation>将保留（不含姓名和手机号）：积分流水、消费、到店和优惠券记录，账目和报表仍然对得上。剩余积分不再使用，到期后自动失效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="62" />
            <source>I understand that this cannot be undone (export the data first if the member wants a copy).</source>
            <translation>我明白此操作无法撤销（如会员需要一份副本，请先导出数据）。</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="35" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="39" />
            <source>Weekly report workbook (%1 to %2)</source>
            <translation>周报工作簿（%1 至 %2）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="41" />
            <source>All members</source>
            <translation>全部会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="42" />
            <source>Points ledger (every entry)</source>
            <translation>积分流水（全部记录）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="43" />
            <source>Coupons</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="44" />
            <source>Check-ins</source>
            <translation>签到记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="49" />
            <source>What to export (an Excel workbook, .xlsx):</source>
            <translation>导出内容（Excel 工作簿，.xlsx）：</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="57" />
            <source>Full phone numbers (needs the owner's PIN)</source>
            <translation>完整手机号（需要店主 PIN）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="69" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="89" />
            <source>The report holds figures only, no phone numbers.</source>
            <translation>报表只含数字，不含手机号。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="93" />
            <source>Full phone numbers are personal data: keep the file safe. The export is written to the audit log with your name.</source>
            <translation>完整手机号属于个人信息：请妥善保管文件。本次导出会以您的名义记入审计日志。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_export.py" line="98" />
            <source>Phone numbers are masked, like 138****1234.</source>
            <translation>手机号将隐去中间四位，如 138****1234。</translation>
        </message>
    </context>
    <context>
        <name>FieldsWithErrors</name>
        <message>
            <location filename="../../desktop/views/form_fields.py" line="46" />
            <source>e.g. 10.00</source>
            <translation>例如 10.00</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="81" />
            <source>Choose the file</source>
            <translation>选择文件</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="82" />
            <source>An .xlsx or .csv export from your old till or member system.</source>
            <translation>从原收银或会员系统导出的 .xlsx 或 .csv 文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="85" />
            <source>Members</source>
            <translation>会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="86" />
            <source>Sales history</source>
            <translation>消费记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="90" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="100" />
            <source>What to import</source>
            <translation>导入内容</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="101" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="106" />
            <source>Choose the export</source>
            <translation>选择导出文件</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="106" />
            <source>Exports (*.xlsx *.csv *.txt)</source>
            <translation>导出文件 (*.xlsx *.csv *.txt)</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../desktop/views/first_run.py" line="205" />
            <location filename="../../desktop/views/first_run.py" line="291" />
            <location filename="../../desktop/views/first_run.py" line="335" />
            <source>Welcome to Merchant Desk</source>
            <translation>欢迎使用商盟柜台</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="206" />
            <source>&lt; &amp;Back</source>
            <translation>&lt; 上一步(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="207" />
            <source>&amp;Next &gt;</source>
            <translation>下一步(&amp;N) &gt;</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="208" />
            <source>Create the shop</source>
            <translation>创建店铺</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="209" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="221" />
            <source>1 point per %1 spent; 100 points = %2 off; points expire after %3 months.</source>
            <translation>每消费 %1 积 1 分；100 积分抵 %2；积分 %3 个月后过期。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="227" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="228" />
            <location filename="../../desktop/views/first_run_pages.py" line="112" />
            <source>Shop name</source>
            <translation>店名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="229" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="230" />
            <source>Owner</source>
            <translation>店主</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="230" />
            <source>%1, with the PIN you typed</source>
            <translation>%1（使用您输入的密码）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="231" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="232" />
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="233" />
            <source>Alliance</source>
            <translation>联盟</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="260" />
            <source>Join %1 right after the shop is created</source>
            <translation>店铺创建后立即加入 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="262" />
            <source>Later, from Settings (server %1 kept)</source>
            <translation>以后在“设置”里加入（已记下服务器 %1）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="263" />
            <source>Later, from Settings</source>
            <translation>以后在“设置”里加入</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="275" />
            <source>The shop is created. Joining the alliance…</source>
            <translation>店铺已创建。正在加入商盟…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="300" />
            <source>The shop is set up, but it could not join the alliance:</source>
            <translation>店铺已设置好，但未能加入商盟：</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="302" />
            <source>You can join later in Settings → Alliance.</source>
            <translation>您可以稍后在“设置 → 商盟”中加入。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="339" />
            <source>The shop is set up, but these choices were not saved. Set them again in Settings:</source>
            <translation>店铺已经创建，但下面这些选择没有保存，请在“设置”里重新设置：</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="113" />
            <source>Address (optional)</source>
            <translation>地址（可不填）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="125" />
            <source>Please enter the shop name.</source>
            <translation>请输入店名。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="153" />
            <source>Owner's name</source>
            <translation>店主姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="154" />
            <source>Owner's PIN (4–8 digits)</source>
            <translation>店主密码（4–8 位数字）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="155" />
            <source>PIN again</source>
            <translation>再输一次密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="162" />
            <source>Please enter the owner's name.</source>
            <translation>请输入店主姓名。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="167" />
            <source>The PIN must be 4 to 8 digits.</source>
            <translation>密码须为 4 到 8 位数字。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="169" />
            <source>The two PINs are not the same. Type the PIN again.</source>
            <translation>两次输入的密码不一样，请重新输入。</translation>
        </message>
        <message>
            <source>Set up your shop. You can change these details later in Settings. The owner's PIN guards refunds and settings: keep it to yourself.</source>
            <translation type="vanished">先设置您的店铺，以后可以在“设置”里修改。店主密码用于退款和修改设置，请妥善保管，不要告诉别人。</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="345" />
            <source>Import from another system</source>
            <translation>从其他系统导入</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="391" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="413" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="414" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="415" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="416" />
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="417" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="14" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="15" />
            <source>Mobile phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="16" />
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="17" />
            <source>Joined on</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="18" />
            <source>Opening points</source>
            <translation>期初积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="19" />
            <source>Marketing consent</source>
            <translation>营销同意</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="20" />
            <source>Amount (¥)</source>
            <translation>金额（¥）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="21" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="22" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="23" />
            <source>Receipt no.</source>
            <translation>小票号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="30" />
            <source>empty, but needed</source>
            <translation>为空，但必填</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="31" />
            <source>not a valid mobile number</source>
            <translation>不是有效的手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="32" />
            <source>not a date that can be read</source>
            <translation>无法识别的日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="33" />
            <source>not a time that can be read</source>
            <translation>无法识别的时间</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="34" />
            <source>a day in the future</source>
            <translation>日期在未来</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="35" />
            <source>not an amount that can be read</source>
            <translation>无法识别的金额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="36" />
            <source>a negative amount (a refund?)</source>
            <translation>金额为负（是退款吗？）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="37" />
            <source>an amount of zero</source>
            <translation>金额为零</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="38" />
            <source>more than two decimals</source>
            <translation>小数超过两位</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="39" />
            <source>above ¥1,000,000: a typo?</source>
            <translation>超过 ¥1,000,000：输错了吗？</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="40" />
            <source>points must be a whole number</source>
            <translation>积分必须是整数</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="41" />
            <source>negative points</source>
            <translation>积分为负</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="42" />
            <source>more than 1,000,000 points</source>
            <translation>积分超过 1,000,000</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="43" />
            <source>not yes or no</source>
            <translation>不是“是”或“否”</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="44" />
            <source>name longer than 50 characters</source>
            <translation>姓名超过 50 个字</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="45" />
            <source>garbled text: the file was saved with the wrong encoding</source>
            <translation>乱码：文件保存时用了错误的编码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="47" />
            <source>a formula whose result was never saved: open and save the file in Excel</source>
            <translation>公式的结果未保存：请用 Excel 打开并保存该文件</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="49" />
            <source>an Excel error value</source>
            <translation>Excel 错误值</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="50" />
            <source>the same row appears earlier in the file</source>
            <translation>文件前面已有相同的行</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="51" />
            <source>no member with this phone: import the members first</source>
            <translation>没有此手机号的会员：请先导入会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="52" />
            <source>imported before: skipped</source>
            <translation>以前已导入：跳过</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="53" />
            <source>already a member: matched, not added</source>
            <translation>已是会员：已匹配，未新增</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="54" />
            <source>The file was not found.</source>
            <translation>找不到该文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="55" />
            <source>Choose an .xlsx or .csv file.</source>
            <translation>请选择 .xlsx 或 .csv 文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="56" />
            <source>The file is damaged or is not an Excel workbook.</source>
            <translation>文件已损坏，或不是 Excel 工作簿。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="57" />
            <source>The workbook has a password. Save it without one and try again.</source>
            <translation>工作簿设有密码。请去掉密码另存后再试。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="58" />
            <source>This is an old Excel 97-2003 file. Save it as .xlsx first.</source>
            <translation>这是旧版 Excel 97-2003 文件。请先另存为 .xlsx。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="59" />
            <source>The workbook unpacks to far more data than a real export. Refused.</source>
            <translation>工作簿解压后的数据远超正常导出文件，已拒绝。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="60" />
            <source>The CSV is neither UTF-8 nor GBK text.</source>
            <translation>该 CSV 既不是 UTF-8 也不是 GBK 编码的文本。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="61" />
            <source>The sheet is empty.</source>
            <translation>工作表是空的。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="62" />
            <source>The file has a header but no rows.</source>
            <translation>文件只有表头，没有数据行。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="63" />
            <source>A required column is not chosen.</source>
            <translation>有必填列尚未选择。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="64" />
            <source>A chosen column is not in the file.</source>
            <translation>所选的列不在文件中。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="65" />
            <source>Unknown field.</source>
            <translation>未知字段。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="66" />
            <source>Cancelled. Nothing was imported.</source>
            <translation>已取消，未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_texts.py" line="68" />
            <source>The data changed during the import. Nothing was written; run it again.</source>
            <translation>导入期间数据发生了变化。未写入任何内容，请重新导入。</translation>
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <location filename="../../desktop/views/first_run.py" line="93" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="94" />
            <source>Choose the language Merchant Desk speaks.</source>
            <translation>选择商盟柜台的界面语言。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="97" />
            <source>The arrow keys change the choice; Enter goes on. You can change it later in Settings.</source>
            <translation>用方向键选择，按回车继续。以后可以在“设置”里更改。</translation>
        </message>
    </context>
    <context>
        <name>LanguageSection</name>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="126" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="133" />
            <source>Save language</source>
            <translation>保存语言</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="136" />
            <source>The new language is used the next time Merchant Desk starts.</source>
            <translation>新语言在下次启动商盟柜台时生效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="166" />
            <source>Saved. Restart Merchant Desk to switch to %1.</source>
            <translation>已保存。重新启动商盟柜台后切换为 %1。</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <location filename="../../desktop/views/lock_screen.py" line="36" />
            <source>Locked</source>
            <translation>已锁定</translation>
        </message>
        <message>
            <location filename="../../desktop/views/lock_screen.py" line="44" />
            <source>Locked — enter your PIN</source>
            <translation>已锁定 — 请输入您的 PIN</translation>
        </message>
        <message>
            <location filename="../../desktop/views/lock_screen.py" line="57" />
            <source>Type your PIN and press Enter.</source>
            <translation>输入 PIN 后按回车键。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/lock_screen.py" line="90" />
            <source>Locked: scans are not taken. Enter your PIN first.</source>
            <translation>已锁定：暂不接受扫码。请先输入 PIN。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/views/main_window.py" line="89" />
            <location filename="../../desktop/views/main_window.py" line="218" />
            <source>Merchant Desk</source>
            <translation>商盟柜台</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="104" />
            <location filename="../../desktop/views/main_window.py" line="223" />
            <source>Counter</source>
            <translation>收银台</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="105" />
            <source>Members</source>
            <translation>会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="106" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="107" />
            <source>Campaigns</source>
            <translation>营销</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="108" />
            <source>Dashboard</source>
            <translation>经营数据</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="123" />
            <source>Switch staff (F12)</source>
            <translation>切换店员 (F12)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="225" />
            <source>%1 (owner)</source>
            <translation>%1（店主）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="228" />
            <source>Signed in: %1</source>
            <translation>当前登录：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/main_window.py" line="235" />
            <source>Enter your PIN to sign in at this counter.</source>
            <translation>请输入您的密码登录本收银台。</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="129" />
            <source>Match the columns</source>
            <translation>对应列</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="132" />
            <source>Guessed from the headers; change any that are wrong. Fields marked * are required.</source>
            <translation>已根据表头自动匹配；如有不对请修改。带 * 的字段为必填。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="153" />
            <source>(not in the file)</source>
            <translation>（文件中没有）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="171" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>MemberCardWidget</name>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="64" />
            <source>Scan a member card, or type a phone number</source>
            <translation>请扫会员码，或输入手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="99" />
            <location filename="../../desktop/views/member_card_widget.py" line="181" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="123" />
            <source>Spent in the last 12 months</source>
            <translation>近 12 个月消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="124" />
            <source>Member since</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="125" />
            <source>Card valid until</source>
            <translation>会员卡有效期至</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="134" />
            <source>Recent visits</source>
            <translation>最近到店</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="174" />
            <source>Member of alliance shop no. %1</source>
            <translation>商盟 %1 号店的会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="176" />
            <source>Name and phone are kept by their own shop</source>
            <translation>姓名和手机号由其所属店铺保管</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="181" />
            <source>Alliance points</source>
            <translation>商盟积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="193" />
            <source>%1 points expire on %2</source>
            <translation>%1 积分将于 %2 过期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="216" />
            <source>No visits yet</source>
            <translation>还没有到店记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="220" />
            <source>Sale %1</source>
            <translation>消费 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_card_widget.py" line="222" />
            <source>Check-in</source>
            <translation>签到</translation>
        </message>
    </context>
    <context>
        <name>MemberCouponsPanel</name>
        <message>
            <location filename="../../desktop/views/member_coupons.py" line="86" />
            <source>Stamp card %1: %2/%3  %4</source>
            <translation>集章 %1：%2/%3  %4</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_coupons.py" line="104" />
            <source>Coupons to use: %1 (F10 to choose, Enter to apply)</source>
            <translation>可用优惠券：%1 张（F10 选择，Enter 使用）</translation>
        </message>
    </context>
    <context>
        <name>MemberDetailsPane</name>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="62" />
            <source>Search for a member or scan a member card.</source>
            <translation>请搜索会员，或扫会员码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="77" />
            <source>Marketing messages</source>
            <translation>接收营销信息</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="79" />
            <source>Share with alliance shops</source>
            <translation>与商盟店铺共享</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="91" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="93" />
            <source>Print card</source>
            <translation>打印会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="96" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="97" />
            <source>Print preview…</source>
            <translation>打印预览…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="99" />
            <source>Save card as PDF/PNG…</source>
            <translation>另存为 PDF/PNG…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="101" />
            <source>Re-issue card…</source>
            <translation>补发新卡…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="103" />
            <source>Adjust points…</source>
            <translation>调整积分…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="110" />
            <source>Member data</source>
            <translation>会员数据</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="113" />
            <source>Export member data…</source>
            <translation>导出会员数据…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="114" />
            <source>Erase member…</source>
            <translation>注销会员…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="120" />
            <source>Points history</source>
            <translation>积分明细</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="121" />
            <source>Visits and sales</source>
            <translation>消费记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="133" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="134" />
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="135" />
            <source>Member since</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="136" />
            <source>Card</source>
            <translation>会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="137" />
            <source>Consents (can be given or withdrawn at any time)</source>
            <translation>授权（可随时同意或撤回）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="139" />
            <source>Membership: agreed at enrolment</source>
            <translation>会员条款：入会时已同意</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="200" />
            <source>%1 · %2 points</source>
            <translation>%1 · %2 积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="208" />
            <source>serial %1, valid until %2</source>
            <translation>序号 %1，有效期至 %2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="254" />
            <source>Marketing consent given.</source>
            <translation>已同意接收营销信息。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="256" />
            <source>Marketing consent withdrawn.</source>
            <translation>已撤回营销信息授权。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="260" />
            <source>Alliance sharing consent given.</source>
            <translation>已同意与商盟店铺共享。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="262" />
            <source>Alliance sharing consent withdrawn.</source>
            <translation>已撤回商盟共享授权。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="272" />
            <source>Member saved.</source>
            <translation>会员信息已保存。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="297" />
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="297" />
            <source>PNG image, 300 dpi (*.png)</source>
            <translation>PNG 图片，300 dpi (*.png)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="300" />
            <source>Save member card</source>
            <translation>保存会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="313" />
            <source>Card saved to %1</source>
            <translation>会员卡已保存到 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="320" />
            <source>Re-issue card</source>
            <translation>补发新卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="321" />
            <source>Issue a new card for %1? The old card stops working at once.</source>
            <translation>要为 %1 补发新卡吗？旧卡将立即失效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="337" />
            <source>New card %1 issued; the old card no longer works. Print the new card for the member.</source>
            <translation>已补发新卡（序号 %1），旧卡已失效。请为会员打印新卡。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="345" />
            <source>Adjusting points needs the owner's PIN.</source>
            <translation>调整积分需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_details_pane.py" line="359" />
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
        <message>
            <location filename="../../desktop/views/member_history.py" line="31" />
            <source>Opening balance (imported)</source>
            <translation>期初余额（导入）</translation>
        </message>
    </context>
    <context>
        <name>MemberRightsActions</name>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="93" />
            <source>Owner PIN</source>
            <translation>店主密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="98" />
            <source>This member has already been erased.</source>
            <translation>该会员已注销。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="105" />
            <source>Exporting a member's data needs the owner's PIN.</source>
            <translation>导出会员数据需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="111" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="111" />
            <source>JSON file (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="113" />
            <source>Export member data</source>
            <translation>导出会员数据</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="128" />
            <source>The file could not be written: %1</source>
            <translation>文件无法写入：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="131" />
            <source>Member data saved to %1</source>
            <translation>会员数据已保存到 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="140" />
            <source>Erasing a member needs the owner's PIN.</source>
            <translation>注销会员需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_rights_actions.py" line="151" />
            <source>Member erased. The name, phone and consents were removed; the points entries and sales stay on the books without them.</source>
            <translation>会员已注销。姓名、手机号和授权同意已删除；积分流水和消费记录仍留在账上，但不再含这些信息。</translation>
        </message>
    </context>
    <context>
        <name>MembersTable</name>
        <message>
            <location filename="../../desktop/views/members_view.py" line="62" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="63" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="64" />
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="65" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
    </context>
    <context>
        <name>MembersView</name>
        <message>
            <location filename="../../desktop/views/members_view.py" line="122" />
            <source>Search by full phone, last 4 digits, name, or pinyin initials: zs finds 张三</source>
            <translation>可按完整手机号、手机尾号 4 位、姓名或拼音首字母搜索：输入 zs 可找到张三</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="124" />
            <source>Phone, last 4 digits, name or initials (zs)</source>
            <translation>手机号、尾号 4 位、姓名或拼音首字母 (zs)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="127" />
            <source>Enrol member (Ctrl+N)</source>
            <translation>新会员入会 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="129" />
            <source>Import from another system…</source>
            <translation>从其他系统导入…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="132" />
            <source>Members or sales history from an .xlsx or .csv export (owner's PIN)</source>
            <translation>从 .xlsx 或 .csv 导出文件导入会员或消费记录（需店主 PIN）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="135" />
            <source>◀ Previous</source>
            <translation>◀ 上一页</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="137" />
            <source>Next ▶</source>
            <translation>下一页 ▶</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="227" />
            <source>%1–%2</source>
            <translation>第 %1–%2 条</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="236" />
            <source>No member matches “%1”.</source>
            <translation>没有符合“%1”的会员。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="238" />
            <source>No members yet. Enrol the first one with Ctrl+N.</source>
            <translation>还没有会员。按 Ctrl+N 为第一位会员办理入会。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="279" />
            <source>Member enrolled. Print the card or show the code to the member.</source>
            <translation>入会成功。请打印会员卡，或向会员出示会员码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="286" />
            <source>Importing from another system needs the owner's PIN.</source>
            <translation>从其他系统导入需要店主 PIN。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="290" />
            <source>Nothing imported: the owner's PIN was not given.</source>
            <translation>未导入：没有输入店主 PIN。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="308" />
            <source>Import finished: %1 new members, %2 matched to existing members.</source>
            <translation>导入完成：新增会员 %1 位，匹配到已有会员 %2 位。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/members_view.py" line="313" />
            <source>Import finished: %1 sales recorded.</source>
            <translation>导入完成：已记录 %1 笔消费。</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../desktop/views/messages.py" line="164" />
            <source>This is a member card, not a coupon. Scan the coupon's code.</source>
            <translation>这是会员卡，不是优惠券。请扫优惠券上的二维码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="166" />
            <source>This is a coupon, not a member card. Scan it at the counter to use it.</source>
            <translation>这是优惠券，不是会员卡。请在收银台扫码使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="170" />
            <source>This coupon expired on %1.</source>
            <translation>这张券已于 %1 过期。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="176" />
            <source>This coupon was already used at %1.</source>
            <translation>这张券已在%1使用过。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="179" />
            <source>This coupon was already used on %1 at %2.</source>
            <translation>这张券已于 %1 在 %2 使用过。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="181" />
            <source>This coupon was already used on %1.</source>
            <translation>这张券已于 %1 使用过。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="183" />
            <source>This coupon can only be used from %1.</source>
            <translation>这张券从 %1 起才能使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="187" />
            <source>This coupon belongs to another member (%1).</source>
            <translation>这张券属于另一位会员（%1）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="191" />
            <source>This coupon needs a bill of %1 or more.</source>
            <translation>这张券需消费满 %1 才能使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="195" />
            <source>This member already has the most coupons of this campaign (%1).</source>
            <translation>这位会员领取本活动的券已达上限（%1 张）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="201" />
            <source>The campaign cannot be saved: %1</source>
            <translation>活动无法保存：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="205" />
            <source>This coupon belongs to a member: scan their member card first.</source>
            <translation>这是会员专属券：请先扫该会员的会员卡。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="209" />
            <source>No such coupon: it was not issued by this shop.</source>
            <translation>没有这张券：不是本店发出的。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="212" />
            <source>This coupon was voided and can no longer be used.</source>
            <translation>这张券已作废，不能再使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="213" />
            <source>This coupon cannot be used at this shop.</source>
            <translation>这张券不能在本店使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="214" />
            <source>This coupon's campaign is paused: it cannot be used for now.</source>
            <translation>这张券所属的活动已暂停，暂时不能使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="217" />
            <source>A points multiplier is not handed out as coupons: it applies to every member sale while it runs.</source>
            <translation>积分倍数活动不发券：活动期间对会员的每笔消费自动生效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="222" />
            <source>The campaign's quota is used up: no more coupons can be issued.</source>
            <translation>活动发放总量已用完，不能再发券。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="225" />
            <source>This member has not agreed to marketing, so no coupon can be sent to them.</source>
            <translation>这位会员未同意接收营销信息，不能给他发券。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="228" />
            <source>This campaign has ended.</source>
            <translation>这个活动已结束。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="229" />
            <source>No such campaign.</source>
            <translation>没有这个活动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="230" />
            <source>No such batch of coupons.</source>
            <translation>没有这个批次的券。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="231" />
            <source>The campaign cannot change to that state.</source>
            <translation>活动不能改成这个状态。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="234" />
            <source>Enter how many coupons to print (1 or more).</source>
            <translation>请输入要打印的张数（至少 1 张）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="242" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="243" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="244" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="245" />
            <source>Percent off</source>
            <translation>折扣</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="246" />
            <source>At most</source>
            <translation>最多减</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="247" />
            <source>Least bill</source>
            <translation>最低消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="248" />
            <source>Gift</source>
            <translation>赠品</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="249" />
            <location filename="../../desktop/views/messages.py" line="250" />
            <source>Points multiplier</source>
            <translation>积分倍数</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="251" />
            <source>Valid from</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="252" />
            <source>Valid until</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="253" />
            <source>Days valid</source>
            <translation>有效天数</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="254" />
            <source>Quota</source>
            <translation>发放总量</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="255" />
            <source>Per member</source>
            <translation>每人限领</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="256" />
            <source>Scope</source>
            <translation>适用范围</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="257" />
            <source>Held out</source>
            <translation>对照组</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="258" />
            <source>Terms</source>
            <translation>使用说明</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="259" />
            <source>Automatic</source>
            <translation>自动发放</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="260" />
            <source>Days away</source>
            <translation>未到店天数</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="261" />
            <source>Visits</source>
            <translation>到店次数</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="262" />
            <source>Sale amount</source>
            <translation>消费金额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="270" />
            <location filename="../../desktop/views/messages.py" line="271" />
            <location filename="../../desktop/views/messages.py" line="272" />
            <source>Required.</source>
            <translation>必填。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="273" />
            <source>Cannot be negative.</source>
            <translation>不能为负数。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="274" />
            <location filename="../../desktop/views/messages.py" line="275" />
            <source>Must be more than zero.</source>
            <translation>必须大于零。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="276" />
            <source>At most 100.</source>
            <translation>最大为 100。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="277" />
            <source>Too large.</source>
            <translation>太大了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="278" />
            <source>Too long.</source>
            <translation>太长了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="279" />
            <source>Out of range.</source>
            <translation>超出范围。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="280" />
            <location filename="../../desktop/views/messages.py" line="281" />
            <source>Must not be before the first day.</source>
            <translation>不能早于开始日期。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="282" />
            <source>Choose fixed dates or a number of days, not both.</source>
            <translation>固定日期和天数只能选一种。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="283" />
            <source>Choose fixed dates or a number of days.</source>
            <translation>请选择固定日期或天数。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="284" />
            <source>Not a field of this version.</source>
            <translation>这个版本没有该项。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="285" />
            <source>Not a valid value.</source>
            <translation>不是有效的值。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="286" />
            <source>Not an amount: type it like 10.00.</source>
            <translation>不是金额：请输入 10.00 这样的数字。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="287" />
            <source>Not used by this kind of campaign.</source>
            <translation>这类活动不用这一项。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="289" />
            <source>Not valid (%1).</source>
            <translation>无效（%1）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="295" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/offline_policy_texts.py" line="16" />
            <source>Offline: this counter has not synced with the alliance yet, so it does not know the member's alliance balance. Connect to redeem.</source>
            <translation>离线：本柜台尚未与商盟同步，不知道该会员的商盟积分余额。请联网后再兑换。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/offline_policy_texts.py" line="21" />
            <source>Offline: the alliance balance is more than %1 hours old. Connect to redeem.</source>
            <translation>离线：商盟积分余额已超过 %1 小时未更新。请联网后再兑换。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/offline_policy_texts.py" line="26" />
            <source>This member owes %1 points from redeeming more than they had. Points they earn repay it first; they can redeem again once a sync shows it repaid.</source>
            <translation>该会员曾超额兑换，尚欠 %1 积分。新获得的积分先用于还欠；同步确认还清后才能再兑换。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/offline_policy_texts.py" line="32" />
            <source>Offline: at most %1 points per member per day here (%2 left today); connect to redeem more.</source>
            <translation>离线：本店每位会员每天最多兑换 %1 积分（今天还可兑换 %2）；联网后可兑换更多。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/offline_policy_texts.py" line="39" />
            <source>Offline: at most %1 redemptions per member per day here; connect to redeem more.</source>
            <translation>离线：本店每位会员每天最多兑换 %1 次；联网后可兑换更多。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/offline_policy_texts.py" line="44" />
            <source>Offline: this counter may redeem at most %1 points before it syncs (%2 left); connect to redeem more.</source>
            <translation>离线：本柜台同步前最多可兑换 %1 积分（还剩 %2）；联网后可兑换更多。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/offline_policy_texts.py" line="51" />
            <source>This member of another alliance shop is not known to the alliance here: they have not agreed to share with the alliance, or this counter has not synced since they joined.</source>
            <translation>本柜台的商盟资料中没有这位其他商盟店铺的会员：该会员未同意与商盟共享，或本柜台在其入会后尚未同步。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/offline_policy_texts.py" line="58" />
            <source>This member belongs to another alliance shop: their card comes from that shop.</source>
            <translation>该会员属于商盟的其他店铺，会员卡由该店发放。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="37" />
            <source>Misread: the keyboard layout looks French (AZERTY). Switch the layout or the scanner setting, then scan again.</source>
            <translation>没扫对：键盘布局好像是法语 (AZERTY)。请切换键盘布局或修改扫码枪设置，然后重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="41" />
            <source>Misread: Caps Lock seems to be on. Turn it off and scan again.</source>
            <translation>没扫对：大写锁定 (Caps Lock) 好像开着。请关掉后重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="44" />
            <source>Misread: the input method is in full-width mode. Switch it to half-width or English and scan again.</source>
            <translation>没扫对：输入法是全角模式。请切换到半角或英文后重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="47" />
            <source>Misread: the code was not read completely. Scan again.</source>
            <translation>没扫对：码没有读完整，请重扫。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="49" />
            <source>This is not a member card.</source>
            <translation>这不是会员码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="50" />
            <source>This code was not issued by this shop or its alliance.</source>
            <translation>这个码不是本店或本商盟发的。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="51" />
            <source>Not a valid code: it may have been altered or forged.</source>
            <translation>无效的码：可能被改动或伪造。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="52" />
            <source>This card has expired. Issue a new card from the Members screen.</source>
            <translation>这张会员卡已过期，请在“会员”页面补发新卡。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="53" />
            <source>This card was replaced by a newer one and can no longer be used.</source>
            <translation>这张卡已被新卡替换，不能再使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="54" />
            <source>No such member (the member may have been erased).</source>
            <translation>找不到这位会员（可能已被删除）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="56" />
            <source>This member belongs to another alliance shop: their details, consents and data are kept (and changed or erased) there.</source>
            <translation>这位会员属于联盟的另一家店：其资料、授权和数据由那家店保管（也只能在那家店修改或注销）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="59" />
            <source>That is not a valid mobile number (11 digits starting with 1).</source>
            <translation>手机号不正确（应为 1 开头的 11 位数字）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="60" />
            <source>Please enter a name.</source>
            <translation>请输入姓名。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="62" />
            <source>The member must agree to the membership terms to enrol.</source>
            <translation>会员须同意会员条款才能入会。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="64" />
            <source>The birthday is not a valid date.</source>
            <translation>生日不是有效日期。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="65" />
            <source>Enter an amount greater than zero.</source>
            <translation>请输入大于零的金额。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="66" />
            <source>Enter a number of points of zero or more.</source>
            <translation>积分数不能小于零。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="67" />
            <source>Points can only be redeemed for a member.</source>
            <translation>只有会员才能使用积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="68" />
            <source>Wrong PIN.</source>
            <translation>密码不对。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="69" />
            <source>A PIN is 4 to 8 digits.</source>
            <translation>密码为 4 到 8 位数字。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="70" />
            <source>Another staff member already uses this PIN. Choose another.</source>
            <translation>已有店员在用这个密码，请换一个。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="71" />
            <source>Only the owner can do this.</source>
            <translation>只有店主可以这样做。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="72" />
            <source>No such sale.</source>
            <translation>找不到这笔消费。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="73" />
            <source>These points were already reversed.</source>
            <translation>这些积分已经冲回过了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="74" />
            <source>Please give a reason.</source>
            <translation>请填写原因。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="75" />
            <source>No such staff member.</source>
            <translation>找不到这位店员。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="76" />
            <source>The last owner account cannot be removed.</source>
            <translation>不能删除最后一个店主账号。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="77" />
            <source>Please enter the shop name.</source>
            <translation>请输入店名。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="78" />
            <source>The gold threshold must not be lower than the silver one.</source>
            <translation>金卡门槛不能低于银卡门槛。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="79" />
            <source>The shop has not been set up yet.</source>
            <translation>店铺还没有设置。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="80" />
            <source>This member has had too many cards; enrol again.</source>
            <translation>这位会员补卡次数过多，请重新入会。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="81" />
            <source>This shop has already been set up.</source>
            <translation>店铺已经设置过了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="82" />
            <source>The time zone is not valid.</source>
            <translation>时区不正确。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="83" />
            <source>Choose a role: owner or staff.</source>
            <translation>请选择角色：店主或店员。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="84" />
            <source>Unknown kind of consent.</source>
            <translation>未知的授权类型。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="85" />
            <source>That setting does not exist in this version.</source>
            <translation>此版本没有这项设置。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="86" />
            <source>No such points entry.</source>
            <translation>找不到这条积分记录。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="91" />
            <source>The name is too long (at most %1 characters).</source>
            <translation>名字太长（最多 %1 个字）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="93" />
            <source>A member with this phone number already exists.</source>
            <translation>这个手机号已经是会员了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="95" />
            <source>The amount is too large (at most %1).</source>
            <translation>金额太大（最多 %1）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="98" />
            <source>Not enough points: the balance is %1, %2 needed.</source>
            <translation>积分不够：余额 %1，需要 %2。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="103" />
            <source>The discount would exceed the amount; at most %1 points can be used.</source>
            <translation>抵扣不能超过金额，最多可用 %1 积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="108" />
            <source>%1 points is above the limit of %2 for one sale: the owner's PIN is needed.</source>
            <translation>本次积分 %1 超过单笔上限 %2，需要店主密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="113" />
            <source>This sale was already refunded.</source>
            <translation>这笔消费已经退过款了。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="116" />
            <source>Every refund needs the owner.</source>
            <translation>每笔退款都需要店主处理。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="117" />
            <source>Refunds over %1 need the owner.</source>
            <translation>超过 %1 的退款需要店主处理。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="119" />
            <source>Enter a non-zero number of points (at most %1).</source>
            <translation>请输入不为零的积分数（最多 %1）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="124" />
            <source>The value of %1 must be between %2 and %3.</source>
            <translation>%1 的值须在 %2 到 %3 之间。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/messages.py" line="129" />
            <source>Refused: %1</source>
            <translation>无法完成：%1</translation>
        </message>
    </context>
    <context>
        <name>OfflineBanner</name>
        <message>
            <location filename="../../desktop/views/offline_banner.py" line="41" />
            <source>OFFLINE — last sync %1. Points earned are kept and sent later; redeeming alliance points may be limited.</source>
            <translation>离线 — 上次同步在%1。积累的积分会保留，稍后发送；使用商盟积分抵扣可能受限。</translation>
        </message>
    </context>
    <context>
        <name>OwnerPage</name>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="147" />
            <source>The owner</source>
            <translation>店主</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="149" />
            <source>The owner's PIN guards refunds and settings: keep it to yourself.</source>
            <translation>店主密码用于退款和修改设置，请妥善保管，不要告诉别人。</translation>
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
            <location filename="../../desktop/views/member_history.py" line="44" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="45" />
            <source>Entry</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="46" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="47" />
            <source>Expires</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="48" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>PointsPage</name>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="227" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="230" />
            <source>Members earn points when they buy and spend them as money off. These are the usual numbers; you can change them later in Settings.</source>
            <translation>会员消费时积分，积分可以抵现金。下面是常用设置，以后可以在“设置”里修改。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="234" />
            <source>100 points are worth (¥)</source>
            <translation>100 积分抵（元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="266" />
            <source>Example: a %1 sale earns %2 points, and 100 points take %3 off a later sale.</source>
            <translation>例如：消费 %1 积 %2 分；以后消费时 100 积分抵 %3。</translation>
        </message>
    </context>
    <context>
        <name>PointsRuleSection</name>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="237" />
            <location filename="../../desktop/views/first_run_pages.py" line="280" />
            <location filename="../../desktop/views/settings_points.py" line="61" />
            <source>Spend for 1 point (¥)</source>
            <translation>每积 1 分需消费（元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="239" />
            <location filename="../../desktop/views/settings_points.py" line="66" />
            <source>Points expire after (months)</source>
            <translation>积分有效期（月）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="243" />
            <location filename="../../desktop/views/settings_points.py" line="175" />
            <source>Silver members (%1 or more in the last 12 months) earn %2%, gold members (%3 or more) earn %4%.</source>
            <translation>银卡会员（近 12 个月消费满 %1）按 %2% 积分，金卡会员（满 %3）按 %4% 积分。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="260" />
            <location filename="../../desktop/views/settings_points.py" line="166" />
            <source>Enter amounts in yuan, such as 1 or 0.50.</source>
            <translation>请输入以元为单位的金额，例如 1 或 0.50。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="277" />
            <location filename="../../desktop/views/settings_points.py" line="235" />
            <source>%1 must be between %2 and %3.</source>
            <translation>%1 须在 %2 到 %3 之间。</translation>
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
            <location filename="../../desktop/views/settings_points.py" line="171" />
            <source>Customers earn 1 point per %1 spent.</source>
            <translation>顾客每消费 %1 得 1 积分。</translation>
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
            <location filename="../../desktop/views/settings_points.py" line="212" />
            <source>Nothing changed.</source>
            <translation>没有改动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_points.py" line="222" />
            <source>Saved: rule version %1 is in force from now on.</source>
            <translation>已保存：第 %1 版规则即刻生效。</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="181" />
            <source>Check the first rows</source>
            <translation>检查前几行</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="188" />
            <source>Stop at the first bad row (import nothing then)</source>
            <translation>遇到第一行错误即停止（此时不导入任何内容）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="189" />
            <source>Import the good rows and list the bad ones</source>
            <translation>导入正确的行，列出错误的行</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="203" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="229" />
            <source>Showing the first %1 rows of about %2. Rows with problems: %3.</source>
            <translation>显示约 %2 行中的前 %1 行。有问题的行：%3。</translation>
        </message>
    </context>
    <context>
        <name>RefundDialog</name>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="49" />
            <source>Refund a sale</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="52" />
            <source>Recent sales of %1</source>
            <translation>%1 的最近消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="54" />
            <source>Recent sales at this counter</source>
            <translation>本店最近的消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="72" />
            <source>Reason (optional)</source>
            <translation>退款原因（可不填）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="81" />
            <source>Refund (Enter)</source>
            <translation>退款 (回车)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="82" />
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="91" />
            <source>No sales to refund.</source>
            <translation>没有可退款的消费。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="112" />
            <source>(points discount %1)</source>
            <translation>（积分抵扣 %1）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="114" />
            <source>— refunded</source>
            <translation>— 已退款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/refund_dialog.py" line="120" />
            <source>Choose a sale that has not been refunded.</source>
            <translation>请选择一笔还没退款的消费。</translation>
        </message>
    </context>
    <context>
        <name>ReportPage</name>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="276" />
            <source>Report</source>
            <translation>报告</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="284" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="284" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="284" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="284" />
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="286" />
            <source>Save the report as CSV…</source>
            <translation>将报告保存为 CSV…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="301" />
            <source>Bad rows were found, so nothing was imported. Fix them, or go back and choose to import the good rows.</source>
            <translation>发现错误行，因此未导入任何内容。请修正这些行，或返回并选择只导入正确的行。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="307" />
            <source>Imported %1 · matched to existing members %2 · imported before %3 · skipped %4 · bad rows %5.</source>
            <translation>已导入 %1 · 匹配到已有会员 %2 · 以前已导入 %3 · 跳过 %4 · 错误行 %5。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="327" />
            <source>Save the report</source>
            <translation>保存报告</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="327" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="80" />
            <source>The shop database is damaged</source>
            <translation>店铺数据库已损坏</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="80" />
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="90" />
            <source>Choose a backup file…</source>
            <translation>选择备份文件…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="112" />
            <source>Yes, replace the shop's data with this backup</source>
            <translation>是的，用这份备份替换店铺数据</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="121" />
            <source>Restore this backup</source>
            <translation>恢复此备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="124" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="124" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="137" />
            <source>The shop database failed its check and was not changed. Restore the latest good backup to go on working; the damaged file is kept beside it. Anything recorded after the backup was made is not in it.</source>
            <translation>店铺数据库未通过检查，且未被改动。请恢复最近一次完好的备份以继续营业；损坏的文件会保留在旁边。备份之后记录的内容不在备份中。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="142" />
            <source>Choose the backup to go back to. The current database is kept as a copy beside it, and Merchant Desk restarts with the backup.</source>
            <translation>选择要恢复到的备份。当前数据库会另存一份副本，然后商盟柜台用该备份重新启动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="148" />
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="152" />
            <source>Passphrase</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="154" />
            <source>Owner PIN of the backup</source>
            <translation>备份中的店主 PIN</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="154" />
            <source>Owner PIN</source>
            <translation>店主 PIN</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="194" />
            <source>encrypted</source>
            <translation>已加密</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="196" />
            <source>damaged</source>
            <translation>已损坏</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="198" />
            <source>newer version</source>
            <translation>更新版本</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="231" />
            <source>Choose a backup file</source>
            <translation>选择备份文件</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="231" />
            <source>Merchant Desk backups (*.mdbk)</source>
            <translation>商盟柜台备份 (*.mdbk)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="240" />
            <source>No backup found. Choose a backup file.</source>
            <translation>没有找到备份。请选择一个备份文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="247" />
            <source>not encrypted</source>
            <translation>未加密</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="251" />
            <source>What was recorded after %1 will no longer be at the counter; it stays in the copy of the current database kept beside it.</source>
            <translation>%1 之后记录的内容将不再出现在收银台；它们保留在旁边的当前数据库副本中。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="260" />
            <source>Made</source>
            <translation>备份时间</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="261" />
            <source>Shop</source>
            <translation>店铺</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="262" />
            <source>Holds</source>
            <translation>包含</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="263" />
            <source>Last sale in it</source>
            <translation>其中最后一笔消费</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="264" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="266" />
            <source>Encrypted</source>
            <translation>已加密</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="267" />
            <source>yes (key %1)</source>
            <translation>是（密钥 %1）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="269" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="272" />
            <source>Checked</source>
            <translation>已校验</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="273" />
            <source>yes, when it was written</source>
            <translation>是，写入时已校验</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="273" />
            <source>not yet</source>
            <translation>尚未校验</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="275" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="423" />
            <source>None of the backups found passed its check.</source>
            <translation>找到的备份都未通过校验。</translation>
        </message>
        <message>
            <source>Replace the shop's data with this backup of %1. What was recorded since then will no longer be at the counter.</source>
            <translation type="vanished">用 %1 的这份备份替换店铺数据。此后记录的内容将不再出现在收银台。</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="241" />
            <source>Importing</source>
            <translation>正在导入</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="242" />
            <source>Reading and checking every row…</source>
            <translation>正在读取并检查每一行…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="245" />
            <source>Cancel the import</source>
            <translation>取消导入</translation>
        </message>
        <message>
            <location filename="../../desktop/views/import_wizard.py" line="269" />
            <source>Writing…</source>
            <translation>正在写入…</translation>
        </message>
    </context>
    <context>
        <name>SaleDialog</name>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="119" />
            <source>Redeem points</source>
            <translation>积分抵扣</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="119" />
            <source>Sale</source>
            <translation>收款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="123" />
            <source>Sale without a member (no points)</source>
            <translation>非会员收款（不积分）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="126" />
            <source>%1 · %2 · balance %3 points</source>
            <translation>%1 · %2 · 积分余额 %3</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="137" />
            <source>e.g. 23.50</source>
            <translation>例如 23.50</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="144" />
            <source>Amount (¥)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="147" />
            <source>Points to redeem</source>
            <translation>使用积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="148" />
            <source>100 points = %1 off</source>
            <translation>100 积分抵 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="155" />
            <source>Remove coupon (Ctrl+R)</source>
            <translation>不用券 (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="177" />
            <source>Record sale (Enter)</source>
            <translation>确认收款 (回车)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="179" />
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="218" />
            <source>Coupon %1: %2</source>
            <translation>优惠券 %1：%2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="224" />
            <source>takes %1 off this bill</source>
            <translation>本单减 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="226" />
            <source>hand over the gift</source>
            <translation>请交付赠品</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="249" />
            <source>That is a member card, not a coupon. To change the member, cancel this sale (Esc) and scan the card at the counter.</source>
            <translation>这是会员卡，不是优惠券。要换会员，请取消本单 (Esc)，再在收银台扫卡。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="281" />
            <source>Coupon %1</source>
            <translation>优惠券 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="284" />
            <source>Discount %1</source>
            <translation>抵扣 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="285" />
            <source>To pay %1</source>
            <translation>应付 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="287" />
            <source>Points earned +%1</source>
            <translation>获得积分 +%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="293" />
            <source>Enter the amount, for example 23.50.</source>
            <translation>请输入金额，例如 23.50。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sale_dialog.py" line="298" />
            <source>Remove the coupon (Ctrl+R) to sell without it.</source>
            <translation>按 Ctrl+R 去掉这张券，可不用券收款。</translation>
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
        <name>SecuritySection</name>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="55" />
            <source>Never</source>
            <translation>从不</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="56" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="67" />
            <source>Save security settings</source>
            <translation>保存安全设置</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="74" />
            <source>Staff and the counter</source>
            <translation>店员与柜台</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="76" />
            <source>Staff may refund alone up to</source>
            <translation>店员可自行退款的上限</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="77" />
            <source>Lock the counter after (idle)</source>
            <translation>闲置多久后锁定柜台</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="105" />
            <source>Staff may refund a sale of up to %1; above that the owner's PIN is needed.</source>
            <translation>店员可自行退还不超过 %1 的销售；超过此金额需要店主 PIN。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="108" />
            <source>Every refund needs the owner's PIN.</source>
            <translation>每笔退款都需要店主 PIN。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="111" />
            <source>Adjusting points, settings, exports, full phone numbers and restoring a backup are for the owner only; a staff member's attempt is refused and written to the audit log.</source>
            <translation>调整积分、修改设置、导出数据、查看完整手机号和恢复备份仅限店主；店员尝试时会被拒绝并记入审计日志。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="117" />
            <source>The counter locks after %1 minutes without use; any staff PIN unlocks it and signs that person in.</source>
            <translation>柜台闲置 %1 分钟后自动锁定；任何店员输入 PIN 即可解锁，并以该店员身份登录。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="121" />
            <source>The counter never locks by itself.</source>
            <translation>柜台不会自动锁定。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_security.py" line="141" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>SegmentDialog</name>
        <message>
            <location filename="../../desktop/views/background.py" line="146" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../desktop/views/background.py" line="152" />
            <source>Issuing coupons</source>
            <translation>正在发券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="77" />
            <source>Send coupons to members</source>
            <translation>给会员发券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="80" />
            <source>“%1”: who gets a coupon?</source>
            <translation>“%1”：发给哪些会员？</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="87" />
            <source>(none ticked: every tier)</source>
            <translation>（都不勾：所有等级）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="90" />
            <source>No visit for at least</source>
            <translation>至少未到店</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="94" />
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="95" />
            <source>Birthday in</source>
            <translation>生日在</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="98" />
            <source>month %1</source>
            <translation>%1 月</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="100" />
            <source>Enrolled on or after</source>
            <translation>入会日期不早于</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="109" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="111" />
            <source>(empty: no bound)</source>
            <translation>（留空：不限）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="115" />
            <source>Any member</source>
            <translation>任意会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="122" />
            <source>(the 365 days to yesterday)</source>
            <translation>（截至昨天的 365 天）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="126" />
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="130" />
            <source>Spent in the last 12 months (¥)</source>
            <translation>近 12 个月消费（元）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="131" />
            <source>RFM segment</source>
            <translation>RFM 分群</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="143" />
            <source>Members without marketing consent never receive coupons. Held-out members are kept aside on purpose, to measure what the campaign changes.</source>
            <translation>未同意接收营销信息的会员不会收到券。对照组会员是特意留出的，用来衡量活动的效果。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="152" />
            <source>Send</source>
            <translation>发送</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="155" />
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="212" />
            <source>Type the spend like 100 or 99.50.</source>
            <translation>消费金额请输入 100 或 99.50 这样的数字。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="270" />
            <source>Counting the members…</source>
            <translation>正在统计会员…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="295" />
            <source>Send %1 coupons</source>
            <translation>发送 %1 张券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="301" />
            <source>Will receive %1 · held out %2 · no marketing consent %3 · already at limit %4   (%5 members match)</source>
            <translation>将收到 %1 · 对照组 %2 · 未同意营销 %3 · 已达上限 %4   （共 %5 位会员符合条件）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/segment_dialog.py" line="330" />
            <source>Issuing %1 coupons…</source>
            <translation>正在发放 %1 张券…</translation>
        </message>
    </context>
    <context>
        <name>SettingsView</name>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="58" />
            <source>Unlock with owner PIN</source>
            <translation>输入店主密码解锁</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="78" />
            <source>Shop and language</source>
            <translation>店铺与语言</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="79" />
            <source>Points rule</source>
            <translation>积分规则</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="80" />
            <source>Staff</source>
            <translation>店员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="81" />
            <source>Security</source>
            <translation>安全</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="82" />
            <source>Audit log</source>
            <translation>操作日志</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="83" />
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="84" />
            <source>Alliance</source>
            <translation>商盟</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="85" />
            <source>Scanner test</source>
            <translation>扫码枪测试</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="87" />
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="103" />
            <source>Settings are locked</source>
            <translation>设置已锁定</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="108" />
            <source>Only the owner can change the shop, the points rule and staff accounts. They lock again when you leave this tab.</source>
            <translation>只有店主可以修改店铺信息、积分规则和店员账号。离开本页后会重新锁定。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="144" />
            <source>Enter the owner's PIN to open the settings.</source>
            <translation>请输入店主密码打开设置。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="146" />
            <source>Still locked.</source>
            <translation>仍处于锁定状态。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_view.py" line="159" />
            <source>Unlocked by %1. Settings lock again when you leave this tab.</source>
            <translation>已由 %1 解锁。离开本页后设置会重新锁定。</translation>
        </message>
    </context>
    <context>
        <name>SheetPrintDialog</name>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="120" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="121" />
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="122" />
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="123" />
            <source>Print the missing pages again</source>
            <translation>重新打印未打出的页</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="133" />
            <source>Layout</source>
            <translation>版式</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="168" />
            <source>This layout is too small for the QR codes.</source>
            <translation>此版式对二维码来说太小。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="183" />
            <source>Preparing pages…</source>
            <translation>正在准备页面…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="183" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="194" />
            <source>%1 of %2 done</source>
            <translation>已完成 %1 / %2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="210" />
            <source>Printing was cancelled.</source>
            <translation>打印已取消。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="214" />
            <source>The printer did not print pages %1 (it could not start or failed).</source>
            <translation>打印机未打印第 %1 页（无法启动或出错）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="222" />
            <source>The printer stopped: pages %1 of %2 did not print.</source>
            <translation>打印机已停止：共 %2 页中第 %1 页未打印。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="231" />
            <source>Sent %1 pages to the printer.</source>
            <translation>已向打印机发送 %1 页。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="274" />
            <source>Print preview</source>
            <translation>打印预览</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="278" />
            <source>The preview shows the first %1 of %2 pages.</source>
            <translation>预览显示 %2 页中的前 %1 页。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="290" />
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="290" />
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="303" />
            <source>The PDF could not be saved: %1</source>
            <translation>PDF 无法保存：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="308" />
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="310" />
            <source>Saving was cancelled; no file was written.</source>
            <translation>保存已取消，未写入文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="322" />
            <source>QR codes would print %1 mm a module; at least 0.5 mm is needed.</source>
            <translation>二维码每个模块只有 %1 毫米；至少需要 0.5 毫米。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="338" />
            <source>Print coupons</source>
            <translation>打印优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="341" />
            <source>%1 coupons on %2 pages</source>
            <translation>%1 张优惠券，共 %2 页</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="344" />
            <source>Nothing is lost: the coupons are issued and saved, and those pages can be printed again.</source>
            <translation>没有任何丢失：优惠券已发放并保存，这些页可以重新打印。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="347" />
            <source>coupons.pdf</source>
            <translation>优惠券.pdf</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="357" />
            <source>%1 cards a page, with cut marks</source>
            <translation>每页 %1 张卡，带裁切标记</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="359" />
            <source>Print member cards</source>
            <translation>打印会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="362" />
            <source>%1 cards on %2 pages</source>
            <translation>%1 张卡，共 %2 页</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="364" />
            <source>Nothing is lost: those pages can be printed again.</source>
            <translation>没有任何丢失：这些页可以重新打印。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/print_dialog.py" line="365" />
            <source>member-cards.pdf</source>
            <translation>会员卡.pdf</translation>
        </message>
    </context>
    <context>
        <name>ShopPage</name>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="108" />
            <source>Your shop</source>
            <translation>您的店铺</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="109" />
            <source>You can change these details later in Settings.</source>
            <translation>以后可以在“设置”里修改这些信息。</translation>
        </message>
    </context>
    <context>
        <name>ShopSection</name>
        <message>
            <location filename="../../desktop/views/first_run_pages.py" line="116" />
            <location filename="../../desktop/views/settings_shop.py" line="71" />
            <source>The shop name is printed on member cards and coupons.</source>
            <translation>店名会印在会员卡和优惠券上。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="59" />
            <source>Save shop profile</source>
            <translation>保存店铺信息</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="66" />
            <source>Shop profile</source>
            <translation>店铺信息</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="68" />
            <source>Shop name</source>
            <translation>店名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="69" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="70" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_shop.py" line="112" />
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
            <location filename="../../desktop/views/startup.py" line="23" />
            <source>Cannot open the shop database</source>
            <translation>无法打开店铺数据</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="25" />
            <source>The shop database is in use by another program. Another Merchant Desk may already be open on this computer: switch to that window, or close it and start again.</source>
            <translation>店铺数据正被另一个程序使用。这台电脑上可能已经打开了一个商盟柜台：请切换到那个窗口，或者关掉它后再重新打开。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="31" />
            <source>Merchant Desk is not allowed to write to the shop database or its folder. Check the permissions, or move the file to a folder you can write to.</source>
            <translation>商盟柜台没有权限写入店铺数据文件或其所在文件夹。请检查权限，或把文件移到可以写入的文件夹。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="36" />
            <source>The shop database file is damaged. It has not been changed. Restore the latest backup, or ask for help, before starting again.</source>
            <translation>店铺数据文件已损坏，程序没有改动它。请先恢复最近的备份，或联系技术支持，然后再打开。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="41" />
            <source>This shop database was made by a newer version of Merchant Desk. Install that version to open it. The file has not been changed.</source>
            <translation>这个店铺数据是新版商盟柜台创建的，请安装新版后再打开。文件没有被改动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="46" />
            <source>The shop database file was not found.</source>
            <translation>找不到店铺数据文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="47" />
            <source>This file is not a Merchant Desk database, or it cannot be opened. It has not been changed.</source>
            <translation>这个文件不是商盟柜台的数据，或者无法打开。文件没有被改动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="54" />
            <source>File: %1</source>
            <translation>文件：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="67" />
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <location filename="../../desktop/views/startup.py" line="68" />
            <source>An unexpected error happened. What was saved before is safe. The last action may not have been saved: check it (for example in the member's history) before doing it again. You can keep working, or quit and start Merchant Desk again.</source>
            <translation>发生了意外错误。之前已保存的数据是安全的。最后一步操作可能没有保存：请先核对（例如查看会员的记录），再决定是否重做。您可以继续使用，也可以退出后重新打开商盟柜台。</translation>
        </message>
        <message>
            <source>An unexpected error happened. What you were doing may not have been saved; check it and do it again if needed. Merchant Desk keeps running.</source>
            <translation type="vanished">发生了意外错误，刚才的操作可能没有保存，请检查，必要时重新操作。商盟柜台会继续运行。</translation>
        </message>
        <message>
            <source>The details are in the log file: %1</source>
            <translation type="vanished">详细信息已写入日志文件：%1</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <location filename="../../desktop/views/first_run.py" line="132" />
            <source>Ready</source>
            <translation>准备就绪</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="133" />
            <source>Check the details. Use Back to change any of them.</source>
            <translation>请核对以下信息。要修改，按“上一步”返回。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/first_run.py" line="136" />
            <source>Nothing is saved until you press Create the shop. Quit leaves without saving anything.</source>
            <translation>按“创建店铺”之前什么都不会保存。按“退出”则不保存任何内容。</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="55" />
            <source>Sync now</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="59" />
            <source>Send and fetch alliance changes now (%1)</source>
            <translation>立即发送并获取商盟的变动（%1）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="79" />
            <source>Syncing…</source>
            <translation>正在同步…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="87" />
            <source>Join the alliance again (restored backup)</source>
            <translation>请重新加入商盟（已从备份恢复）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="91" />
            <source>Not in an alliance</source>
            <translation>未加入商盟</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="92" />
            <source>Join an alliance in Settings → Alliance.</source>
            <translation>在“设置 → 商盟”中加入商盟。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="96" />
            <source>Connecting to the alliance…</source>
            <translation>正在连接商盟…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="98" />
            <source>Online · synced %1</source>
            <translation>在线 · %1 已同步</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="102" />
            <source>Offline since %1</source>
            <translation>自 %1 起离线</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="104" />
            <source>Offline · never synced</source>
            <translation>离线 · 从未同步</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="107" />
            <source>Sync stopped · see the tooltip</source>
            <translation>同步已停止 · 详见提示</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="109" />
            <source> · %1 waiting</source>
            <translation> · %1 条待发送</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="111" />
            <source>Alliance: %1</source>
            <translation>商盟：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="112" />
            <source>Last good sync: %1</source>
            <translation>上次成功同步：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_status_widget.py" line="117" />
            <source>%1 records were settled differently by the alliance.</source>
            <translation>有 %1 条记录被商盟按不同方式处理。</translation>
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
            <location filename="../../desktop/views/member_history.py" line="78" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="79" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="80" />
            <source>Points discount</source>
            <translation>积分抵扣</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="81" />
            <source>Paid</source>
            <translation>实付</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="82" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../desktop/views/member_history.py" line="99" />
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
    </context>
    <context>
        <name>dialog</name>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="444" />
            <source>Restore ready</source>
            <translation>可以恢复了</translation>
        </message>
        <message>
            <location filename="../../desktop/views/restore_dialog.py" line="446" />
            <source>The backup has been checked. Merchant Desk now restarts with it; the current database is kept as a copy beside it.</source>
            <translation>备份已校验。商盟柜台将用它重新启动；当前数据库会另存一份副本。</translation>
        </message>
    </context>
    <context>
        <name>CampaignResults</name>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="30" />
            <source>Uplift: nobody was held out, so it cannot be measured.</source>
            <translation>提升效果：没有设置对照组，无法衡量。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="33" />
            <source>Uplift: too few members so far to tell (sent %1, held out %2).</source>
            <translation>提升效果：目前人数太少，还看不出（发券 %1 人，对照组 %2 人）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="38" />
            <source>Bought again: %1 of those sent the coupon, %2 of those held out.</source>
            <translation>再次消费：收到券的会员 %1，对照组 %2。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="43" />
            <source>The coupon brought more purchases: %1 points (95% range %2 to %3).</source>
            <translation>发券带来了更多消费：%1 个百分点（95% 区间 %2 至 %3）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="44" />
            <source>Fewer purchases than without it: %1 points (95% range %2 to %3).</source>
            <translation>消费比不发券时更少：%1 个百分点（95% 区间 %2 至 %3）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="45" />
            <source>No clear difference: %1 points (95% range %2 to %3).</source>
            <translation>没有明显差别：%1 个百分点（95% 区间 %2 至 %3）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="58" />
            <source>Spend per member, against those held out: %1</source>
            <translation>人均消费（与对照组相比）：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="69" />
            <source>Issued %1 · used %2 · redemption rate %3</source>
            <translation>已发 %1 · 已核销 %2 · 核销率 %3</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="75" />
            <source>Sales with its coupons: %1 in %2 sales (coupons took off %3)</source>
            <translation>用券消费：%2 笔共 %1（优惠券抵扣 %3）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="85" />
            <source>New members through its printed coupons: %1, each cost %2</source>
            <translation>通过印刷券入会的新会员：%1 位，每位成本 %2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="91" />
            <source>No new member has joined through its printed coupons yet.</source>
            <translation>还没有新会员通过印刷券入会。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/campaign_results_text.py" line="93" />
            <source>Set the cost of a printed coupon in Settings to count it in.</source>
            <translation>在设置中填写每张印刷券的成本，即可计入。</translation>
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
        <name>CardSheet</name>
        <message>
            <location filename="../../desktop/views/card_sheet.py" line="52" />
            <source>Member cards</source>
            <translation>会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/card_sheet.py" line="83" />
            <source>Page %1 of %2</source>
            <translation>第 %1 页，共 %2 页</translation>
        </message>
    </context>
    <context>
        <name>ConflictText</name>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="27" />
            <source>Coupon used twice</source>
            <translation>优惠券被用了两次</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="28" />
            <source>Coupon had been withdrawn</source>
            <translation>优惠券已被联盟作废</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="29" />
            <source>Coupon of a campaign this shop had not joined</source>
            <translation>本店未参加的活动的优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="30" />
            <source>Coupon used outside its dates</source>
            <translation>优惠券在有效期外使用</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="31" />
            <source>Points overspent</source>
            <translation>积分超额使用</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="32" />
            <source>Customer enrolled twice</source>
            <translation>同一顾客登记了两次</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="33" />
            <source>Member not shared with the alliance</source>
            <translation>会员未向联盟共享</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="34" />
            <source>Member of another shop</source>
            <translation>其他店的会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="35" />
            <source>Member number already taken</source>
            <translation>会员编号已被占用</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="36" />
            <source>Member's data was erased</source>
            <translation>会员资料已删除</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="37" />
            <source>Consent not understood</source>
            <translation>无法识别的授权变更</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="38" />
            <source>Sale sent twice</source>
            <translation>销售重复上传</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="39" />
            <source>Refund sent twice</source>
            <translation>退款重复上传</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="40" />
            <source>Refund larger than the sale</source>
            <translation>退款超过原销售</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="41" />
            <source>Empty points adjustment</source>
            <translation>积分调整为 0</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="42" />
            <source>Already recorded</source>
            <translation>已经记录过</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="43" />
            <source>Already refunded</source>
            <translation>已经退过款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="44" />
            <source>Alliance coupon voided here</source>
            <translation>在本店作废了联盟优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="45" />
            <source>Record the server does not know</source>
            <translation>服务器不认识的记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="46" />
            <source>Record the server could not read</source>
            <translation>服务器无法读取的记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="47" />
            <source>Record the server could not store</source>
            <translation>服务器无法保存的记录</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="52" />
            <source>Refused by the alliance</source>
            <translation>被联盟拒绝</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="53" />
            <source>Settled differently</source>
            <translation>联盟另行结算</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="59" />
            <source>the member</source>
            <translation>该会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="61" />
            <source>%1 (member no. %2)</source>
            <translation>%1（会员 %2 号）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="62" />
            <source>member no. %1</source>
            <translation>会员 %1 号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="67" />
            <source>sale no. %1 (%2)</source>
            <translation>第 %1 号销售（%2）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="69" />
            <source>a sale of %1</source>
            <translation>一笔 %1 的销售</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="70" />
            <source>a sale</source>
            <translation>一笔销售</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="75" />
            <source>another counter of this shop</source>
            <translation>本店的另一台收银机</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="77" />
            <source>shop no. %1</source>
            <translation>%1 号店</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="78" />
            <source>another shop</source>
            <translation>另一家店</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="84" />
            <source>By the alliance's rules your shop bears the %1 discount itself.</source>
            <translation>按联盟规则，这笔 %1 的优惠由本店自行承担。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="88" />
            <source>The alliance pays your shop the %1 discount on its next statement.</source>
            <translation>这笔 %1 的优惠由联盟承担，计入下一期结算单付给本店。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="98" />
            <source>Alliance coupon %1 had already been used at %2 before %3 reached the alliance. Your sale stands. %4</source>
            <translation>联盟优惠券 %1 在%3上传到联盟之前已在%2使用过。本店的销售有效。%4</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="109" />
            <source>Alliance coupon %1 had been withdrawn by the alliance before %2 reached it. Your sale stands. %3</source>
            <translation>联盟优惠券 %1 在%2上传之前已被联盟作废。本店的销售有效。%3</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="119" />
            <source>Alliance coupon %1 belongs to a joint campaign this shop had not joined when %2 reached the alliance. Your sale stands, but your shop bears the %3 discount. Take part in the campaign (Campaigns → Joint campaigns) before taking its coupons.</source>
            <translation>联盟优惠券 %1 属于一个联合活动，%2上传到联盟时本店尚未参加该活动。销售有效，但 %3 的优惠由本店承担。收这类优惠券前请先参加活动（营销 → 联合活动（联盟））。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="131" />
            <source>Alliance coupon %1 was used on %2, outside its valid dates. Your sale stands, but your shop bears the %3 discount.</source>
            <translation>联盟优惠券 %1 于 %2 使用，不在有效期内。销售有效，但 %3 的优惠由本店承担。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="143" />
            <source>The customer enrolled here as %1 was already in the alliance with the same phone, as %2. The two are now one member: %3 points moved to %2. Use that member's card from now on.</source>
            <translation>在本店登记为%1的顾客，已用同一手机号在联盟登记为%2。两者已合并为一个会员：%3 积分转入%2。今后请使用该会员的卡。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="154" />
            <source>A refund reached the alliance before its sale and took back %1 points more than the sale gave. It is kept as recorded.</source>
            <translation>一笔退款比原销售先到联盟，扣回的积分比销售给的多 %1。按记录保留。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="161" />
            <source>%1 belongs to another shop and has not agreed to share with the alliance, so the alliance did not record this for them. What the counter did here stays at this shop only.</source>
            <translation>%1 是其他店的会员，且未同意向联盟共享，联盟未为其记录此项。本店收银台的操作只在本店有效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="166" />
            <source>Only the shop where %1 enrolled can change their details, consents or card. The alliance kept its own record; nothing changed there.</source>
            <translation>只有 %1 登记入会的店才能修改其资料、授权或会员卡。联盟保留原记录，未作改动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="170" />
            <source>The number of %1 is already used by another shop's member, so the alliance did not take this enrolment. The member's points stay at this shop only.</source>
            <translation>%1 的编号已被其他店的会员使用，联盟未接受此次登记。该会员的积分只在本店有效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="175" />
            <source>The data of %1 was erased at their request; the alliance no longer records anything for them.</source>
            <translation>%1 的资料已应本人要求删除，联盟不再为其记录任何内容。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="179" />
            <source>The alliance did not understand a consent change for %1; it was not recorded there.</source>
            <translation>联盟无法识别 %1 的一项授权变更，未予记录。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="182" />
            <source>%2 had already reached the alliance; this second copy was not counted again. Nothing to do.</source>
            <translation>%2 已经上传到联盟，这次重复的不再计算。无需处理。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="186" />
            <source>The refund of %2 had already reached the alliance; it was not counted again. Nothing to do.</source>
            <translation>%2 的退款已经上传到联盟，不再重复计算。无需处理。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="190" />
            <source>A refund tried to take back more points than %2 gave; the alliance refused it, so the member's points there are as before the refund.</source>
            <translation>一笔退款要扣回的积分多于 %2 当时给的积分，联盟拒绝了它，会员在联盟的积分保持退款前的数额。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="195" />
            <source>A points adjustment of 0 points was not recorded. Nothing to do.</source>
            <translation>一次 0 积分的调整未被记录。无需处理。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="198" />
            <source>This was already recorded at the alliance and was not counted again. Nothing to do.</source>
            <translation>此项联盟已经记录过，不再重复计算。无需处理。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="201" />
            <source>This refund was already recorded at the alliance and was not counted again. Nothing to do.</source>
            <translation>这笔退款联盟已经记录过，不再重复计算。无需处理。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="205" />
            <source>Alliance coupon %3 can only be voided by the alliance, so voiding it here changed nothing there: it stays valid at the other shops.</source>
            <translation>联盟优惠券 %3 只能由联盟作废，在本店作废对联盟无效：它在其他店仍可使用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="209" />
            <source>This counter sent a kind of record (%4) the alliance server does not know; the server may be older than this app. It was not applied: ask the alliance to update its server.</source>
            <translation>本收银台上传了联盟服务器不认识的记录类型（%4），服务器可能比本软件旧。该记录未生效：请联系联盟更新服务器。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="214" />
            <source>The alliance could not read a record this counter sent (%4); it was not applied. Contact support if this happens again.</source>
            <translation>联盟无法读取本收银台上传的一条记录（%4），未生效。如再次出现请联系客服。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="218" />
            <source>The alliance could not store a record this counter sent; it was not applied. Contact support if this happens again.</source>
            <translation>联盟无法保存本收银台上传的一条记录，未生效。如再次出现请联系客服。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="229" />
            <source>The alliance refused this record (%1); it was not applied there.</source>
            <translation>联盟拒绝了这条记录（%1），未生效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="230" />
            <source>The alliance settled this differently (%1).</source>
            <translation>联盟对此另行结算（%1）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="236" />
            <source>only had %1 left at the alliance</source>
            <translation>在联盟只剩 %1 积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="238" />
            <source>had no points left at the alliance</source>
            <translation>在联盟已没有积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/conflict_texts.py" line="242" />
            <source>%1 used %2 points here, but %3: points were also used at another shop while this counter was offline. The sale stands. The member now owes %4 points, which their next purchases repay first, and cannot use points offline until then. Your shop is still credited for all %2 points.</source>
            <translation>%1 在本店使用了 %2 积分，但%3：本收银台离线期间，该会员在另一家店也用了积分。这笔销售有效。会员现在欠 %4 积分，之后消费所得积分先用来还欠，还清前不能离线使用积分。本店仍按全部 %2 积分结算。</translation>
        </message>
    </context>
    <context>
        <name>CounterGive</name>
        <message>
            <location filename="../../desktop/views/counter_give.py" line="41" />
            <source>Give a coupon</source>
            <translation>送券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_give.py" line="42" />
            <source>Which coupon should %1 get?</source>
            <translation>给 %1 送哪张券？</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_give.py" line="45" />
            <source>Give</source>
            <translation>送出</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_give.py" line="62" />
            <source>Scan the member card first, then give the coupon.</source>
            <translation>请先扫会员卡，再送券。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_give.py" line="67" />
            <source>No coupon campaign is running. Create one on the Campaigns tab.</source>
            <translation>没有进行中的优惠券活动。请在“营销”页创建。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/counter_give.py" line="85" />
            <source>%1 got a coupon: %2.</source>
            <translation>已送给 %1 一张优惠券：%2。</translation>
        </message>
    </context>
    <context>
        <name>CouponSheet</name>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="120" />
            <source>%1/10 of the price</source>
            <translation>%1折</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="121" />
            <source>%1% off</source>
            <translation>减 %1%</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="132" />
            <source>Spend %1, save %2</source>
            <translation>满 %1 减 %2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="137" />
            <source>Free %1</source>
            <translation>赠送 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="145" />
            <source>On a bill of %1 or more.</source>
            <translation>单笔消费满 %1 可用。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="147" />
            <source>Takes off at most %1.</source>
            <translation>最多减 %1。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="155" />
            <source>Valid on %1</source>
            <translation>仅限 %1 使用</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="157" />
            <source>Valid %1 to %2</source>
            <translation>有效期 %1 至 %2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="191" />
            <source>%1 × %2 (%3 a page)</source>
            <translation>%1 × %2（每页 %3 张）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="275" />
            <source>Coupons</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/coupon_sheet.py" line="363" />
            <source>Page %1 of %2 · %3 – %4</source>
            <translation>第 %1 页，共 %2 页 · %3 – %4</translation>
        </message>
    </context>
    <context>
        <name>DashboardActions</name>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="52" />
            <source>Issue coupons to a segment</source>
            <translation>向分群发券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="53" />
            <source>Which campaign's coupons should “%1” receive?</source>
            <translation>“%1”应收到哪个活动的优惠券？</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="56" />
            <source>Next…</source>
            <translation>下一步…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="75" />
            <source>No running coupon campaign. Create one on the Campaigns tab first.</source>
            <translation>没有进行中的优惠券活动。请先在“营销”页创建一个。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="77" />
            <source>Sending coupons needs the owner's PIN.</source>
            <translation>发券需要店主 PIN。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="79" />
            <source>Nothing sent: the owner's PIN was not given.</source>
            <translation>未发券：没有输入店主 PIN。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="99" />
            <source>%1 coupons of “%2” issued to “%3”, %4 members held out, %5 skipped.</source>
            <translation>已向“%3”发放“%2”优惠券 %1 张，对照组 %4 人，跳过 %5 人。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="107" />
            <source>Stopped: %1 Those already issued stay issued.</source>
            <translation>已停止：%1 已发出的券仍然有效。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="135" />
            <source>Full phone numbers need the owner's PIN. The export is written to the audit log.</source>
            <translation>完整手机号需要店主 PIN。本次导出会记入审计日志。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="139" />
            <source>Nothing exported: the owner's PIN was not given.</source>
            <translation>未导出：没有输入店主 PIN。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="143" />
            <source>Export to</source>
            <translation>导出到</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="145" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="164" />
            <source>Writing %1…</source>
            <translation>正在写入 %1…</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="165" />
            <source>Exporting</source>
            <translation>正在导出</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="171" />
            <source>Export stopped: no file was written.</source>
            <translation>导出已停止：未写入文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="178" />
            <source>Weekly report saved: %1</source>
            <translation>周报已保存：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="179" />
            <source>%1 rows saved to %2</source>
            <translation>已保存 %1 行到 %2</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="181" />
            <source>(full phone numbers; written to the audit log)</source>
            <translation>（完整手机号；已记入审计日志）</translation>
        </message>
        <message>
            <location filename="../../desktop/views/dashboard_actions.py" line="182" />
            <source>(phone numbers masked)</source>
            <translation>（手机号已隐去）</translation>
        </message>
    </context>
    <context>
        <name>AuditLog</name>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="72" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="68" />
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="39" />
            <source>Shop set up</source>
            <translation>创建店铺</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="40" />
            <source>Shop profile changed</source>
            <translation>修改店铺信息</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="41" />
            <source>Points rule changed</source>
            <translation>修改积分规则</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="42" />
            <source>Staff added</source>
            <translation>添加店员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="43" />
            <source>PIN changed</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="44" />
            <source>Staff deactivated</source>
            <translation>停用店员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="45" />
            <source>Member phone changed</source>
            <translation>修改会员手机号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="46" />
            <source>Card re-issued</source>
            <translation>补发会员卡</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="47" />
            <source>Points adjusted</source>
            <translation>调整积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="48" />
            <source>Large earn approved</source>
            <translation>批准大额积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="49" />
            <source>Sale refunded</source>
            <translation>消费退款</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="50" />
            <source>Setting changed</source>
            <translation>修改设置</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="51" />
            <source>Backup encryption turned on</source>
            <translation>开启备份加密</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="52" />
            <source>Backup encryption turned off</source>
            <translation>关闭备份加密</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="53" />
            <source>Backup restored</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="54" />
            <source>Joined an alliance</source>
            <translation>加入联盟</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="55" />
            <source>Restore refused</source>
            <translation>拒绝恢复</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="56" />
            <source>Refused: owner only</source>
            <translation>已拒绝：仅限店主</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="57" />
            <source>Member data exported</source>
            <translation>导出会员数据</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="58" />
            <source>Member data export refused</source>
            <translation>拒绝导出会员数据</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="59" />
            <source>Member erased</source>
            <translation>注销会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="60" />
            <source>Member erase refused</source>
            <translation>拒绝注销会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="69" />
            <source>Sale</source>
            <translation>销售</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="70" />
            <source>Staff</source>
            <translation>员工</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="71" />
            <source>Shop</source>
            <translation>店铺</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="73" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="74" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="75" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="76" />
            <source>Points taken back</source>
            <translation>收回积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="77" />
            <source>Points returned</source>
            <translation>退回积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="78" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="79" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="80" />
            <source>Card serial</source>
            <translation>卡序列号</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="81" />
            <source>Rule version</source>
            <translation>规则版本</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="82" />
            <source>Changes</source>
            <translation>变更</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="83" />
            <source>Setting</source>
            <translation>设置项</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="84" />
            <source>Before</source>
            <translation>修改前</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="85" />
            <source>After</source>
            <translation>修改后</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="86" />
            <source>Campaign</source>
            <translation>活动</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="87" />
            <source>Coupon</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="88" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="89" />
            <source>Count</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="90" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="91" />
            <source>Key</source>
            <translation>密钥</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="92" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="93" />
            <source>Points kept</source>
            <translation>保留积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="94" />
            <source>Backup made</source>
            <translation>完成备份</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="95" />
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="96" />
            <source>Tried</source>
            <translation>尝试的操作</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="97" />
            <source>Why not</source>
            <translation>拒绝原因</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="98" />
            <source>Limit</source>
            <translation>上限</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="111" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="111" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="115" />
            <source>owner</source>
            <translation>店主</translation>
        </message>
        <message>
            <location filename="../../desktop/views/settings_audit.py" line="115" />
            <source>staff</source>
            <translation>员工</translation>
        </message>
    </context>
    <context>
        <name>SyncTexts</name>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="66" />
            <source>Wrong PIN.</source>
            <translation>密码错误。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="25" />
            <source>The alliance server cannot be reached (no network, or a wrong address).</source>
            <translation>连不上商盟服务器（没有网络，或地址不对）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="26" />
            <source>The alliance server did not answer in time.</source>
            <translation>商盟服务器没有及时回应。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="28" />
            <source>The server's certificate could not be verified: check the address, or choose the certificate file the organiser gave you.</source>
            <translation>无法验证服务器的证书：请检查地址，或选择组织者给您的证书文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="31" />
            <source>The server address must start with http:// or https://.</source>
            <translation>服务器地址必须以 http:// 或 https:// 开头。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="32" />
            <source>The server's answer was not understood. Is this an alliance server?</source>
            <translation>看不懂服务器的回应。这是商盟服务器吗？</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="34" />
            <source>The server speaks another version. Update Merchant Desk, or ask the organiser.</source>
            <translation>服务器的版本不同。请更新商盟柜台，或询问组织者。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="36" />
            <source>The alliance server is busy. It is tried again by itself.</source>
            <translation>商盟服务器正忙，稍后会自动重试。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="37" />
            <source>The alliance server failed. It is tried again by itself.</source>
            <translation>商盟服务器出错，稍后会自动重试。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="38" />
            <source>Too many attempts. Wait a few minutes.</source>
            <translation>尝试次数太多，请等几分钟。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="39" />
            <source>The server no longer accepts this PC. Join again with a new code.</source>
            <translation>服务器不再接受这台电脑。请用新的邀请码重新加入。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="41" />
            <source>This PC was removed from the alliance. Join again with a new code from the organiser.</source>
            <translation>这台电脑已被移出商盟。请向组织者要新的邀请码重新加入。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="43" />
            <source>That invitation code is not valid. Check it and try again.</source>
            <translation>邀请码无效，请检查后重试。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="45" />
            <source>That invitation code was already used. Ask the organiser for a new one.</source>
            <translation>这个邀请码已被使用，请向组织者要一个新的。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="48" />
            <source>That invitation code has expired. Ask the organiser for a new one.</source>
            <translation>这个邀请码已过期，请向组织者要一个新的。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="51" />
            <source>That invitation code is locked after too many wrong tries. Ask the organiser for a new one.</source>
            <translation>输错次数太多，这个邀请码已被锁定，请向组织者要一个新的。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="54" />
            <source>Too many tries from this network. Wait 10 minutes.</source>
            <translation>这个网络尝试次数太多，请等 10 分钟。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="55" />
            <source>This shop is already in an alliance.</source>
            <translation>本店已经加入了商盟。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="56" />
            <source>This shop has not joined an alliance.</source>
            <translation>本店还没有加入商盟。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="58" />
            <source>This shop was restored from a backup. Join the alliance again with a new invitation code (Settings → Alliance).</source>
            <translation>本店数据是从备份恢复的。请用新的邀请码重新加入商盟（设置 → 商盟）。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="62" />
            <source>This PC's sync key is missing or does not fit. Join the alliance again with a new code.</source>
            <translation>这台电脑的同步密钥丢失或不匹配。请用新的邀请码重新加入商盟。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="65" />
            <location filename="../../desktop/views/sync_texts.py" line="67" />
            <source>Only the owner can join an alliance.</source>
            <translation>只有店主可以加入商盟。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="69" />
            <source>The server already has one of this shop's records with other content. The database may be damaged or copied: contact support. Nothing was sent.</source>
            <translation>服务器上已有本店一条内容不同的记录。数据库可能已损坏或被复制：请联系技术支持。什么都没有发送。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="73" />
            <source>The server already has other records under these numbers. This database may be a copy of another PC's: join again with a new code. Nothing was sent.</source>
            <translation>服务器上这些编号下已有别的记录。这个数据库可能是从别的电脑复制的：请用新的邀请码重新加入。什么都没有发送。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="77" />
            <source>A record waiting to be sent is damaged. Contact support. Nothing was sent.</source>
            <translation>一条待发送的记录已损坏。请联系技术支持。什么都没有发送。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="83" />
            <source>Sync failed: %1</source>
            <translation>同步失败：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="97" />
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="102" />
            <source>1 minute ago</source>
            <translation>1 分钟前</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="102" />
            <source>%1 minutes ago</source>
            <translation>%1 分钟前</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="106" />
            <source>1 hour ago</source>
            <translation>1 小时前</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="106" />
            <source>%1 hours ago</source>
            <translation>%1 小时前</translation>
        </message>
        <message>
            <location filename="../../desktop/views/sync_texts.py" line="107" />
            <source>%1 days ago</source>
            <translation>%1 天前</translation>
        </message>
    </context>
    <context>
        <name>ReceiptSlip</name>
        <message>
            <location filename="../../desktop/views/receipt_slip.py" line="58" />
            <source>%1 mm roll</source>
            <translation>%1 毫米卷纸</translation>
        </message>
        <message>
            <location filename="../../desktop/views/receipt_slip.py" line="165" />
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <location filename="../../desktop/views/receipt_slip.py" line="167" />
            <source>Points earned</source>
            <translation>本次积分</translation>
        </message>
        <message>
            <location filename="../../desktop/views/receipt_slip.py" line="169" />
            <source>Points balance</source>
            <translation>积分余额</translation>
        </message>
        <message>
            <location filename="../../desktop/views/receipt_slip.py" line="173" />
            <source>Your coupon</source>
            <translation>您的优惠券</translation>
        </message>
        <message>
            <location filename="../../desktop/views/receipt_slip.py" line="203" />
            <source>Receipt %1 mm</source>
            <translation>小票 %1 毫米</translation>
        </message>
        <message>
            <location filename="../../desktop/views/receipt_slip.py" line="226" />
            <source>Receipt</source>
            <translation>小票</translation>
        </message>
        <message>
            <location filename="../../desktop/views/receipt_slip.py" line="229" />
            <source>The receipt printer could not be started.</source>
            <translation>小票打印机无法启动。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/receipt_slip.py" line="235" />
            <source>The receipt printer reported an error.</source>
            <translation>小票打印机报告错误。</translation>
        </message>
        <message>
            <location filename="../../desktop/views/receipt_slip.py" line="270" />
            <source>Receipt preview</source>
            <translation>小票预览</translation>
        </message>
    </context>
    <context>
        <name>SheetOutput</name>
        <message>
            <location filename="../../desktop/views/sheet_output.py" line="168" />
            <source>The PDF file could not be written to %1.</source>
            <translation>PDF 文件无法写入 %1。</translation>
        </message>
    </context>
</TS>
