// The Storage API sample's script, out of the page so its CSP allows no inline script.
jQuery.support.cors = true;
var storageId = "";
var api = (new URLSearchParams(window.location.search).get('server') || '') + '/genesys/1/storage/';
var defaults = {
    Key1: 'Value1',
    Key2: 'Value2',
    Key3: 'Value3',
    ttl: 3600
};

function doPost(url, callback) {
    var data = new Object();
    data['a'] = $("#Key1").val();
    data['b'] = $("#Key2").val();
    data['c'] = $("#Key3").val();
    $.post(url, data, callback).fail(failed);
}

function failed(xhr) {
    $("#status_label").text("error " + xhr.status);
}

function query() {
    $.get(api + storageId, function (data) {
        $("#query_result_label").text(JSON.stringify(data));
    }).fail(function (xhr) {
        $("#query_result_label").text(xhr.status + " " + xhr.responseText);
    });
}

function create() {
    doPost(api + $("#ttl").val(), function (result) {
        storageId = result.id;
        $("#storage_id_label").text(storageId);
    });
}

function update() {
    if (storageId == '') return;
    doPost(api + storageId + "/" + $("#ttl").val(), function () {
        $("#status_label").text("updated");
    });
}

function del() {
    $.ajax({
        type: 'DELETE',
        url: api + storageId,
        success: function () { $("#status_label").text("deleted"); }
    }).fail(failed);
}

$(function () {
    $("#Control input").each(function () {
        $(this).val(defaults[this.id]);
    });
    $("#create").click(function () { create(); });
    $("#query").click(function () { query(); });
    $("#update").click(function () { update(); });
    $("#delete").click(function () { del(); });
});
