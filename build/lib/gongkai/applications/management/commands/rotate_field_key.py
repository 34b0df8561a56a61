"""Re-encrypt every encrypted value with the newest GONGKAI_FIELD_KEY (docs/deploy.md, “Rotating the field key”)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from gongkai.applications.crypto import FieldKeyError, encrypted_fields, rotate


class Command(BaseCommand):
    help = "用最新的 GONGKAI_FIELD_KEY 重新加密所有加密字段（证件号码）；无法解密的值保持不变并报告"

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="只检查每个值能否解密，不写入")

    def handle(self, *args, check=False, **options):
        rotated, failed = 0, []
        for model, field in encrypted_fields():
            table, column, pk = (connection.ops.quote_name(name) for name in
                                 (model._meta.db_table, field.column, model._meta.pk.column))
            with transaction.atomic():
                with connection.cursor() as cursor:
                    # The raw ciphertext: the field itself would hand back plain text.
                    cursor.execute(f"SELECT {pk}, {column} FROM {table} WHERE {column} <> '' ORDER BY {pk}")
                    rows = cursor.fetchall()
                for key, token in rows:
                    try:
                        new = rotate(token)
                    except FieldKeyError:
                        failed.append(f"{model._meta.label} {key} {field.name}")
                        continue
                    if not check:
                        with connection.cursor() as cursor:
                            cursor.execute(f"UPDATE {table} SET {column} = %s WHERE {pk} = %s", [new, key])
                    rotated += 1
        verb = "可以解密" if check else "已用最新密钥重新加密"
        self.stdout.write(f"{verb}：{rotated} 个值")
        if failed:
            for item in failed:
                self.stderr.write(f"无法解密（保持不变）：{item}")
            raise CommandError(f"{len(failed)} 个值无法用 GONGKAI_FIELD_KEY 中的任何密钥解密；请把原来的密钥加回列表后再运行")
