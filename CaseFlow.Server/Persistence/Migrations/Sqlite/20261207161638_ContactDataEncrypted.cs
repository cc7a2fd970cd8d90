using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactDataEncrypted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ComplainantPhone",
                table: "Cases");

            migrationBuilder.AddColumn<string>(
                name: "ComplainantAddressHash",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComplainantPhoneHash",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ComplainantAddressHash",
                table: "Cases",
                column: "ComplainantAddressHash");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ComplainantPhoneHash",
                table: "Cases",
                column: "ComplainantPhoneHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ComplainantAddressHash",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ComplainantPhoneHash",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ComplainantAddressHash",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ComplainantPhoneHash",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ComplainantPhone",
                table: "Cases",
                column: "ComplainantPhone");
        }
    }
}
